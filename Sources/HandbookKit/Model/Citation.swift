import HandbookMarkdown

/// A place that refers to a rule.
struct Citation: Sendable, Hashable {
    enum Kind: String, Sendable {
        /// A chapter's text outside its rules, citing a rule of another chapter.
        case chapter
        /// Another rule's own text.
        case rule
        case tip
        /// The rule's parent rule listing its own sub-rules: the structure, which "Part of" shows.
        case parent
        /// The rule's own chapter, outside any rule: an overview of its own rules.
        case overview

        /// A citation that says something about the rule, shown under "Cited by"; the others
        /// repeat the handbook's structure, and only handbook.json keeps them.
        var isShownAsCitation: Bool {
            self != .parent && self != .overview
        }
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
