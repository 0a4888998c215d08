import HandbookMarkdown

/// A place that refers to a rule.
struct Citation: Sendable, Hashable {
    enum Kind: String, Sendable {
        case chapter
        case rule
        case tip
    }

    var kind: Kind
    /// A rule identifier, or a chapter's or tip list's slug.
    var id: String
    /// For a tip, its anchor in the tip list.
    var anchor: String?
    /// From the site root.
    var url: String
    /// What a reader sees for it: a chapter's title, a rule's identifier and title, a tip's lead.
    var label: String
}
