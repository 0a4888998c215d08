/// A chapter as the pages that are not its own show it: in the lists of chapters, as the
/// previous or next chapter, as a rule's or a change's chapter. Its context is made from this
/// value alone, and the keys of the pages that show it hash it.
struct ChapterSummary: Hashable, Sendable {
    var index: Int
    var title: String
    var summary: String?
    var updated: String?
    var updatedInWords: String?
    var slug: String
    var path: String
    var ruleCount: Int
    var extra: [ExtraEntry]
    var part: HandbookPart?
    var number: ChapterNumber

    init(_ index: Int, handbook: ResolvedHandbook) {
        let frontMatter = handbook.chapters[index].page.frontMatter
        self.index = index
        title = frontMatter.title
        summary = frontMatter.summary
        updated = frontMatter.updated
        updatedInWords = frontMatter.updated.flatMap { DateInWords.text($0, language: handbook.config.language) }
        slug = handbook.chapters[index].page.slug
        path = handbook.chapterPaths[index]
        ruleCount = handbook.rulesByChapter[index].count
        extra = frontMatter.extra
        part = handbook.part(ofChapter: index)
        number = handbook.number(ofChapter: index)
    }

    /// `number` ("3", or "B" for an appendix), `isAppendix`, `title`, `url`, `ruleCount`, and `rulesLabel`, `summary`, `updated`, `updatedInWords`, `extra` and
    /// `part` when there are.
    func context(root: String) -> TemplateContext {
        var item: TemplateContext = [
            .number: number.label, .isAppendix: number.isAppendix, .title: title,
            .url: root + URLEncoding.path(path),
            .ruleCount: ruleCount,
        ]
        if ruleCount > 0 { item[.rulesLabel] = PageContext.count(ruleCount, "rule") }
        item[.summary] = summary
        item[.updated] = updated
        item[.updatedInWords] = updatedInWords
        item[.extra] = ExtraField.templateValue(of: extra)
        item[.part] = part.map(PartSections.context)
        return item
    }
}
