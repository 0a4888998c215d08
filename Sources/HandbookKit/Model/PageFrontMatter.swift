import HandbookMarkdown

/// The front matter of a chapter or tip list.
struct PageFrontMatter: Sendable, Hashable {
    var title: String
    var summary: String?
    /// YYYY-MM-DD
    var updated: String?
    /// `changes:`: a note per rule identifier on what changed since the previous edition and
    /// why, for rules of this chapter or rules withdrawn from it.
    var changeNotes: [String: NoteText] = [:]
    /// `anchors:`: old anchors of the page, each kept for a heading's anchor or a rule
    /// identifier of the page, in the order written. Checked by the resolver.
    var anchorAliases: [Alias] = []

    struct Alias: Sendable, Hashable {
        var name: String
        var target: String
        var location: SourceLocation
    }
}
