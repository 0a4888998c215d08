/// Everything a chapter's pages show besides the frame (`PageFrame`): the chapter's page, its
/// rules' pages and the embeds of both. The renderer builds their contexts from this value and
/// the frame alone, never from the handbook, and its key (`RenderKeys`) holds it: so the chapter is
/// rendered again when, and only when, something its pages show has changed, and nothing a page
/// shows can be missing from its key.
struct ChapterUnit: Hashable, Sendable {
    var source: PageSource
    var summary: ChapterSummary
    var previous: ChapterSummary?
    var next: ChapterSummary?
    /// The chapter's rules, in document order.
    var rules: [Rule]
    /// Every rule the pages link to, by identifier: the chapter's own, and those they cite.
    var links: RuleLinks
    /// The marks of the chapter's rules that changed since the previous edition, by identifier.
    var marks: [String: ChangeMark]

    init(_ index: Int, handbook: ResolvedHandbook) {
        source = PageSource(resolved: handbook.chapters[index])
        summary = ChapterSummary(index, handbook: handbook)
        previous = index > 0 ? ChapterSummary(index - 1, handbook: handbook) : nil
        next = index + 1 < handbook.chapters.count ? ChapterSummary(index + 1, handbook: handbook) : nil
        let rules = handbook.rulesByChapter[index].map { handbook.rules[$0] }
        self.rules = rules
        let identifiers = rules.map(\.identifier)
        links = RuleLinks(to: identifiers + rules.flatMap(\.references) + rules.compactMap(\.parent), handbook: handbook)
        marks = ChangeMark.marks(of: identifiers, handbook: handbook)
    }
}
