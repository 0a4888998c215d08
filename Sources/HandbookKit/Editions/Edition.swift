/// One edition of the handbook besides its pages: handbook.json, the search index, the print
/// edition, the EPUB, the offline copy. Each is made from the resolved handbook and the content
/// rendered once for the pages; the editions make theirs at the same time, on every core, and
/// are then written one after the other, in the order of `SiteEdition.allCases`.
protocol Edition: Sendable {
    associatedtype Made: Sendable

    var kind: SiteEdition { get }
    /// What the progress line says while the edition is written, and its place among the steps.
    var progress: (message: String, step: Int)? { get }

    /// The part made in memory from the model alone, beside the other editions.
    func make() throws -> Made

    /// Writes what `make` made into the folder, in the edition's scope. Returns the sizes of the
    /// downloads when this edition shows them.
    func write(_ made: Made, into folder: SiteFolder) throws -> DownloadSizes?

    /// The edition made, with what writes it: `make`, then `write`, unless the edition makes its
    /// files another way (the print edition writes its page as it puts it together).
    func prepared() -> PreparedEdition
}

extension Edition {
    var progress: (message: String, step: Int)? { nil }

    /// The edition made, with what writes it; an error in `make` is thrown when it is written.
    func prepared() -> PreparedEdition {
        let made = Result { try make() }
        return PreparedEdition(kind: kind, progress: progress) { folder in
            try write(made.get(), into: folder)
        }
    }
}
