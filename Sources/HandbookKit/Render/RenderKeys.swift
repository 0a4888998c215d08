/// The keys of the parts of the site that are rendered together (a chapter with its rule pages
/// and embeds, a tip list with its embed, the pages that list the whole handbook). A key
/// combines everything its pages are made from: when it is the same as in the last build, so are
/// the pages, and `handbook serve` does not render them again.
///
/// Every value a page's context takes from outside its own source file must be combined here;
/// the end-to-end test that compares rebuilds with whole builds fails when one is missed.
struct RenderKeys {
    let handbook: ResolvedHandbook
    /// What every page shows: the settings, the navigation, the templates.
    let frame: Int

    init(handbook: ResolvedHandbook, templates: TemplateSet) {
        self.handbook = handbook
        var hasher = Hasher()
        hasher.combine(handbook.config)
        hasher.combine(templates.digest)
        hasher.combine(handbook.history.previousEdition)
        hasher.combine(handbook.chapters.count)
        if handbook.chapters.count <= PageContext.chapterListLimit {
            for chapter in handbook.chapters {
                hasher.combine(chapter.page.frontMatter.title)
                hasher.combine(chapter.page.outputPath)
            }
        }
        hasher.combine(handbook.tipLists.count)
        if PageContext.listsTipLists(handbook) {
            for list in handbook.tipLists {
                hasher.combine(list.page.frontMatter.title)
                hasher.combine(list.page.outputPath)
            }
        }
        frame = hasher.finalize()
    }

    /// A chapter's page, its rules' pages and their embeds.
    func chapter(_ index: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(frame)
        let chapter = handbook.chapters[index]
        hasher.combine(chapter.page.sourceDigest)
        hasher.combine(chapter.instructions)
        combineSummary(of: index, into: &hasher)
        if index > 0 { combineSummary(of: index - 1, into: &hasher) }
        if index + 1 < handbook.chapters.count { combineSummary(of: index + 1, into: &hasher) }
        for ruleIndex in handbook.rulesByChapter[index] {
            let rule = handbook.rules[ruleIndex]
            hasher.combine(rule)
            for reference in rule.references { combineRuleLink(reference, into: &hasher) }
            hasher.combine(handbook.history.change(of: rule.identifier))
        }
        // Change notes link the identifiers they name, which may be rules withdrawn.
        hasher.combine(handbook.history.withdrawn.map(\.id))
        return hasher.finalize()
    }

    /// A tip list's page and its embed.
    func tipList(_ index: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(frame)
        hasher.combine(index)
        let list = handbook.tipLists[index]
        hasher.combine(list.page.sourceDigest)
        hasher.combine(list.instructions)
        for rules in list.tipRules {
            hasher.combine(rules.count)
            for identifier in rules { combineRuleLink(identifier, into: &hasher) }
        }
        return hasher.finalize()
    }

    /// The pages that list the whole handbook: home, all rules, search, and the embed guide.
    /// The sizes of the downloads on the home page are left out: the editions write the home
    /// page again whenever they change them.
    func site() -> Int {
        var hasher = Hasher()
        hasher.combine(frame)
        for index in handbook.chapters.indices { combineSummary(of: index, into: &hasher) }
        for list in handbook.tipLists {
            hasher.combine(list.page.frontMatter)
            hasher.combine(list.page.outputPath)
            hasher.combine(list.anchors.tips.count)
        }
        for rule in handbook.rules {
            hasher.combine(rule.identifier)
            hasher.combine(rule.title)
            hasher.combine(rule.parent)
            hasher.combine(rule.chapter)
        }
        // The changes page and the withdrawn rules' pages; not the rules' records, which change
        // with every edit of a rule's text.
        let history = handbook.history
        hasher.combine(history.changes)
        hasher.combine(history.withdrawn)
        hasher.combine(history.tipLists)
        return hasher.finalize()
    }

    /// What `PageContext.chapterSummary` shows.
    private func combineSummary(of index: Int, into hasher: inout Hasher) {
        let page = handbook.chapters[index].page
        hasher.combine(index)
        hasher.combine(page.frontMatter)
        hasher.combine(page.outputPath)
        hasher.combine(handbook.rulesByChapter[index].count)
    }

    /// What `PageContext.ruleLink` shows.
    private func combineRuleLink(_ identifier: String, into hasher: inout Hasher) {
        hasher.combine(identifier)
        guard let rule = handbook.rule(identifier) else { return }
        hasher.combine(rule.title)
        hasher.combine(handbook.chapters[rule.chapter].page.outputPath)
    }
}
