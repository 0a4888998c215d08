/// Everything a tip list's pages show besides the frame (`PageFrame`): its page and its embed,
/// and its part of the print edition and the EPUB. Their contexts are built from this value and
/// the frame alone, and its key (`RenderKeys`) holds it (see `ChapterUnit`).
struct TipListUnit: Hashable, Sendable {
    var source: PageSource
    /// The rules its tips name, by identifier.
    var links: RuleLinks
    var updatedInWords: String?
    /// The tip lists before and after it, for the links between them.
    var previous: Neighbour?
    var next: Neighbour?

    struct Neighbour: Hashable, Sendable {
        var title: String
        var path: String

        init(_ index: Int, handbook: ResolvedHandbook) {
            title = handbook.tipLists[index].page.frontMatter.title
            path = handbook.tipLists[index].page.outputPath
        }

        /// `title` and `url`.
        func context(root: String) -> TemplateContext {
            [.title: title, .url: root + URLEncoding.path(path)]
        }
    }

    init(_ index: Int, handbook: ResolvedHandbook) {
        let list = handbook.tipLists[index]
        previous = index > 0 ? Neighbour(index - 1, handbook: handbook) : nil
        next = index + 1 < handbook.tipLists.count ? Neighbour(index + 1, handbook: handbook) : nil
        source = PageSource(resolved: list)
        updatedInWords = list.page.frontMatter.updated.flatMap { DateInWords.text($0, language: handbook.config.language) }
        links = RuleLinks(to: list.tipRules.joined(), handbook: handbook)
    }

    /// A tip list's values for templates: `title`, `slug`, `summary`, `updated`, `updatedInWords`, and
    /// `sections[]`, each either `prose` (HTML) or `isTips` with `tips[]` (`anchor`, `html`,
    /// `rules[]`, `hasRules`).
    func context(content: TipListContent, root: String) -> TemplateContext {
        let page = source.page
        let sections: [TemplateContext] = content.parts.map { part in
            switch part {
            case .prose(let html):
                return [.prose: html]
            case .tips(let tips):
                return [.isTips: true, .tips: tips.map { tip -> TemplateContext in
                    [.anchor: tip.anchor, .html: tip.html, .hasRules: !tip.shownRules.isEmpty,
                     .rules: tip.shownRules.compactMap { links[$0]?.context(root: root) }]
                }]
            }
        }
        var values: TemplateContext = [.title: page.frontMatter.title, .sections: sections, .slug: page.slug]
        values[.summary] = page.frontMatter.summary
        values[.updated] = page.frontMatter.updated
        values[.updatedInWords] = updatedInWords
        values[.extra] = ExtraField.templateValue(of: page.frontMatter.extra)
        return values
    }
}
