/// What the EPUB edition contains, ready to be written: documents in reading order with their
/// links already pointing inside the book, the metadata, media and the stylesheet.
struct EPUBBook: Sendable {
    struct Document: Sendable, Equatable {
        /// The document's file name at the root of the book's content folder (`chapter-confidentiality.xhtml`).
        var fileName: String
        var title: String
        /// An XHTML fragment for the document's body. Links to other documents are written as
        /// `fileName#anchor`; media as `media/...`.
        var body: String
        /// Where the document stands in the table of contents.
        var level: Level = .top

        enum Level: Sendable, Equatable {
            /// At the top of the table of contents.
            case top
            /// A part's title page: the documents `.inPart` after it are listed under it.
            case part
            /// A chapter of the part whose title page comes before it.
            case inPart
        }
    }

    struct MediaFile: Sendable, Equatable {
        /// The path inside the book's content folder (`media/photo.png`).
        var path: String
        /// Where the file is on disk.
        var source: String
    }

    /// A stable identifier for the book (the same for every build of the same edition).
    var identifier: String
    var title: String
    var subtitle: String?
    var organisation: String?
    var edition: String?
    /// A BCP 47 tag.
    var language: String
    /// The book's last-modified time, `YYYY-MM-DDThh:mm:ssZ`, derived from the content (never the
    /// build time), so that builds are reproducible.
    var modified: String
    var documents: [Document]
    var media: [MediaFile]
    /// CSS for every document.
    var stylesheet: String
}
