/// A part: a folder of chapters inside `chapters/` (`02-principles/`), described by its
/// `part.yml`. Parts group chapters in the navigation, the contents and the editions; the
/// chapters' pages and numbers do not depend on them.
package struct HandbookPart: Hashable, Sendable {
    /// The folder's slug (`principles`), unique among the parts.
    var id: String
    /// The folder's name in `chapters/` (`02-principles`), as links between chapters write it.
    var folderName: String
    var title: String
    var summary: String?
    /// `appendix: true`: its chapters are appendices, lettered A, B, C (`ChapterNumber`).
    var isAppendix = false
}
