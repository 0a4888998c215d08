/// A chapter or tip list found in the content folder.
package struct PageFile: Sendable {
    var path: String
    /// The file name, as links between pages name it (`02-boundaries.md`).
    var fileName: String
    /// The output name (`boundaries`).
    var slug: String
    /// The real path of the content folder, which the file must be inside when it is read.
    var root: String?
    /// The folder of the chapter's part inside `chapters/` (`02-principles`); nil outside any part.
    var partFolder: String?

    package init(path: String, fileName: String, slug: String, root: String? = nil, partFolder: String? = nil) {
        self.path = path
        self.fileName = fileName
        self.slug = slug
        self.root = root
        self.partFolder = partFolder
    }

    /// The file's path inside its folder of pages (`02-principles/01-clarity.md`, `01-intro.md`).
    var relativePath: String {
        partFolder.map { "\($0)/\(fileName)" } ?? fileName
    }

    var source: ConfinedFile { ConfinedFile(path: path, root: root) }
}
