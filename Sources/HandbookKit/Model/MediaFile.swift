/// A file of the content's media folder, copied into the site.
package struct MediaFile: Sendable {
    var path: String
    /// The path below `media/`, with `/` separators.
    var relativePath: String
    /// The real path of the content folder, which the file must be inside when it is read.
    var root: String?

    var source: ConfinedFile { ConfinedFile(path: path, root: root) }
    /// A type browsers run (a page, an image with scripts, a script), by its extension.
    var isActive: Bool { MediaTypes.isActive(relativePath) }
}
