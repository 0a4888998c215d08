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
    /// `extra:`: the organisation's own fields, for templates.
    var extra: [ExtraEntry] = []
    /// `id:`: the chapter is itself one rule with this identifier, its rule headings its
    /// sub-rules (one standard per page).
    var ruleIdentifier: String?
    var ruleIdentifierLocation: SourceLocation?
    /// `anchors:`: old anchors of the page, each kept for a heading's anchor or a rule
    /// identifier of the page, in the order written. Checked by the resolver.
    var anchorAliases: [Alias] = []

    struct Alias: Sendable, Hashable {
        var name: String
        var target: String
        var location: SourceLocation
    }
}
