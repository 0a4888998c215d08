/// `print.html`: the whole handbook in one page, in reading order, every internal link pointing
/// inside the page. Heading anchors are prefixed with their chapter's slug (`boundaries--why`),
/// as slugs are unique only within a page; rule identifiers are unique in the whole handbook.
package struct PrintEdition: Edition {
    let handbook: ResolvedHandbook
    let content: RenderedContent
    let templates: TemplateSet

    package init(handbook: ResolvedHandbook, content: RenderedContent, templates: TemplateSet) {
        self.handbook = handbook
        self.content = content
        self.templates = templates
    }

    var kind: SiteEdition { .print }

    package func make() -> String {
        // The page's values, the chapters' HTML with their anchors prefixed among them, are let
        // go before its links are rewritten: the page is the whole handbook, and both at once
        // were the peak of a 10,000-chapter build.
        let html = page()
        return LinkRewriter.rewrite(html) { Self.target(for: $0, in: handbook) }
    }

    private func page() -> String {
        let builder = PageContext(handbook: handbook, templates: templates)
        var context = builder.base(
            kind: .print, title: "Print edition", description: handbook.config.description,
            root: "", currentPath: SiteLayout.print)
        let isRule = { (id: String) in handbook.ruleIndex[id] != nil }
        let groups = handbook.partGroups
        let partStarts = Set(groups?.filter { $0.part != nil }.map(\.chapters.lowerBound) ?? [])
        let chapters = handbook.chapters.indices.map { index -> TemplateContext in
            var chapter = ChapterSummary(index, handbook: handbook).context(root: "")
            let slug = handbook.chapters[index].page.slug
            chapter[.slug] = slug
            chapter[.html] = LinkRewriter.prefixHeadingIDs(content.chapters[index], prefix: "\(slug)--", keep: isRule)
            // The part's heading comes before its first chapter.
            if partStarts.contains(index) { chapter[.partStart] = true }
            return chapter
        }
        context[.chapters] = chapters
        if let groups {
            context[.hasParts] = true
            context[.parts] = PartSections.sections(groups, chapters: chapters)
        }
        context[.tipLists] = handbook.tipLists.indices.map { index -> TemplateContext in
            let slug = handbook.tipLists[index].page.slug
            var prefixed = content.tipLists[index]
            prefixed.parts = prefixed.parts.map { part in
                guard case .tips(let tips) = part else { return part }
                return .tips(tips.map { tip in
                    var tip = tip
                    tip.anchor = "tips-\(slug)--\(tip.anchor)"
                    return tip
                })
            }
            return TipListUnit(index, handbook: handbook).context(content: prefixed, root: SiteLayout.rootFromPage)
        }
        context[.groups] = handbook.chapters.indices.compactMap { index -> TemplateContext? in
            guard !handbook.rulesByChapter[index].isEmpty else { return nil }
            var group = ChapterSummary(index, handbook: handbook).context(root: "")
            group[.rules] = handbook.rulesByChapter[index].map { ruleIndex -> TemplateContext in
                let rule = handbook.rules[ruleIndex]
                return [.id: rule.identifier, .title: rule.title, .nested: rule.parent != nil]
            }
            return group
        }
        return templates.render(context, template: "print")
    }

    func write(_ made: String, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.write(made, to: SiteLayout.print, scope: .edition(kind))
        return nil
    }

    /// Where a link (from the site root, without `../`) goes inside the print page.
    static func target(for path: String, in handbook: ResolvedHandbook) -> String {
        let parts = path.split(separator: "#", maxSplits: 1).map(String.init)
        let file = parts[0]
        let fragment = parts.count > 1 ? parts[1].removingPercentEncoding ?? parts[1] : nil
        if file == SiteLayout.rulesIndex { return "#rules" }
        let slug: String, prefix: String
        switch SiteLayout.page(at: file) {
        case .rule(let identifier): return "#" + identifier
        case .chapter(let chapter): (slug, prefix) = (chapter, "")
        case .tipList(let list): (slug, prefix) = (list, "tips-")
        case nil: return path
        }
        guard let fragment, !fragment.isEmpty else { return "#" + (prefix.isEmpty ? "chapter-" : prefix) + slug }
        if handbook.ruleIndex[fragment] != nil { return "#" + fragment }
        return "#\(prefix)\(slug)--\(URLEncoding.fragment(fragment))"
    }
}
