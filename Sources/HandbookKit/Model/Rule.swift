import HandbookMarkdown

/// A numbered rule, defined by a heading in a chapter.
struct Rule: Sendable, Hashable {
    var identifier: String
    var title: String
    /// Index of the defining chapter in the handbook's chapters.
    var chapter: Int
    var heading: Int
    var level: Int
    /// The top-level blocks of the chapter that make up the rule, its heading first.
    var blocks: Range<Int>
    var location: SourceLocation
    /// The innermost rule this one is nested in (CONF-2 for CONF-2.1).
    var parent: String?
    var plainText: String
    /// The rule's own text, normalised (`RuleWording`): what editions compare.
    var wording: String = ""
    /// `RuleWording.hash(wording)`: made with the wording, so that `serve` keeps it with the
    /// chapter's rules (`ResolveMemo`) instead of hashing every rule on every save.
    var textHash: String = ""
    /// A `> Change note: ...` in the rule's own text.
    var changeNote: NoteText?
    /// Identifiers this rule's own text refers to, in order of first mention.
    var references: [String] = []
    var citedBy: [Citation] = []
    /// A chapter that is one rule (`id:` in its front matter): its blocks are the whole
    /// chapter, with no heading of its own; the chapter's page has its anchor.
    var isChapter = false
}
