import Foundation

/// Renders every page of a resolved handbook into a staging folder, pages in parallel.
struct SiteRenderer: Sendable {
    let handbook: ResolvedHandbook
    let templates: TemplateSet

    /// Renders and writes all pages; returns how many HTML pages were written.
    func renderPages(into staging: StagingFolder) async throws -> Int {
        for folder in ["chapters", "rules", "tips"] { try staging.makeFolder(folder) }
        let handbook = self.handbook
        let templates = self.templates
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for index in handbook.chapters.indices {
                group.addTask {
                    try Self.renderChapter(index, handbook: handbook, templates: templates, into: staging)
                }
            }
            for index in handbook.tipLists.indices {
                group.addTask {
                    try Self.renderTipList(index, handbook: handbook, templates: templates, into: staging)
                }
            }
            group.addTask {
                try Self.renderHome(handbook: handbook, templates: templates, into: staging)
                try Self.renderRulesIndex(handbook: handbook, templates: templates, into: staging)
                try Self.renderSearch(handbook: handbook, templates: templates, into: staging)
                return 3
            }
            return try await group.reduce(0, +)
        }
    }

    // MARK: Page kinds

    private static func renderChapter(
        _ index: Int, handbook: ResolvedHandbook, templates: TemplateSet, into staging: StagingFolder
    ) throws -> Int {
        let chapter = handbook.chapters[index]
        let page = chapter.page
        let rendered = page.document.render(chapter.instructions)
        let rules = handbook.rulesByChapter[index].map { handbook.rules[$0] }
        let builder = PageContext(handbook: handbook)
        let root = "../"

        var context = builder.base(
            kind: "chapter", title: page.frontMatter.title, description: page.frontMatter.summary,
            root: root, currentPath: page.outputPath)
        var values = builder.chapterSummary(index, root: root)
        values["html"] = ChapterHTML.body(rendered.blocks, outline: page.outline, rules: rules)
        let contents = ChapterHTML.contents(outline: page.outline, anchors: chapter.anchors)
        values["contents"] = contents
        values["hasContents"] = contents.count > 1
        context["chapter"] = values
        if index > 0 { context["previous"] = builder.chapterSummary(index - 1, root: root) }
        if index + 1 < handbook.chapters.count { context["next"] = builder.chapterSummary(index + 1, root: root) }
        try staging.write(templates.render(context, template: "chapter"), to: page.outputPath)

        for (position, rule) in rules.enumerated() {
            let path = SitePaths.rulePage(rule.identifier)
            var context = builder.base(
                kind: "rule", title: "\(rule.identifier) \(rule.title)", description: firstSentence(of: rule.plainText),
                root: root, currentPath: path)
            var values: [String: Any] = builder.ruleLink(rule.identifier, root: root) ?? [:]
            values["html"] = ChapterHTML.ruleText(rule, blocks: rendered.blocks)
            values["chapter"] = builder.chapterSummary(index, root: root)
            values["cites"] = rule.references.compactMap { builder.ruleLink($0, root: root) }
            values["citedBy"] = rule.citedBy.map { citation -> [String: Any] in
                ["label": citation.label, "kind": citation.kind.rawValue, "url": root + citation.url,
                 "isChapter": citation.kind == .chapter, "isRule": citation.kind == .rule, "isTip": citation.kind == .tip]
            }
            values["hasCites"] = !rule.references.isEmpty
            values["hasCitedBy"] = !rule.citedBy.isEmpty
            if let parent = rule.parent { values["parent"] = builder.ruleLink(parent, root: root) }
            let children = rules.filter { $0.parent == rule.identifier }.compactMap { builder.ruleLink($0.identifier, root: root) }
            values["subrules"] = children
            values["hasSubrules"] = !children.isEmpty
            context["rule"] = values
            if position > 0 { context["previous"] = builder.ruleLink(rules[position - 1].identifier, root: root) }
            if position + 1 < rules.count { context["next"] = builder.ruleLink(rules[position + 1].identifier, root: root) }
            try staging.write(templates.render(context, template: "rule"), to: path)
        }
        return 1 + rules.count
    }

    private static func renderTipList(
        _ index: Int, handbook: ResolvedHandbook, templates: TemplateSet, into staging: StagingFolder
    ) throws -> Int {
        let list = handbook.tipLists[index]
        let page = list.page
        let rendered = page.document.render(list.instructions, listItems: true)
        let builder = PageContext(handbook: handbook)
        let root = "../"

        var sections: [[String: Any]] = []
        var tip = 0
        for (blockIndex, block) in rendered.blocks.enumerated() {
            guard blockIndex < page.outline.blocks.count, page.outline.blocks[blockIndex].kind == .list else {
                sections.append(["prose": block])
                continue
            }
            var tips: [[String: Any]] = []
            while tip < page.outline.listItems.count, page.outline.listItems[tip].block == blockIndex {
                tips.append([
                    "anchor": list.anchors.tips[tip],
                    "html": tip < rendered.listItems.count ? rendered.listItems[tip] : "",
                    "rules": list.tipRules[tip].compactMap { builder.ruleLink($0, root: root) },
                    "hasRules": !list.tipRules[tip].isEmpty,
                ])
                tip += 1
            }
            sections.append(["tips": tips, "isTips": true])
        }
        var context = builder.base(
            kind: "tipList", title: page.frontMatter.title, description: page.frontMatter.summary,
            root: root, currentPath: page.outputPath)
        var values: [String: Any] = ["title": page.frontMatter.title, "sections": sections]
        values["summary"] = page.frontMatter.summary
        values["updated"] = page.frontMatter.updated
        context["tipList"] = values
        try staging.write(templates.render(context, template: "tip-list"), to: page.outputPath)
        return 1
    }

    private static func renderHome(handbook: ResolvedHandbook, templates: TemplateSet, into staging: StagingFolder) throws {
        let builder = PageContext(handbook: handbook)
        var context = builder.base(
            kind: "home", title: handbook.config.title, description: handbook.config.description,
            root: "", currentPath: SitePaths.home)
        context["chapters"] = handbook.chapters.indices.map { builder.chapterSummary($0, root: "") }
        context["tipLists"] = handbook.tipLists.map { list -> [String: Any] in
            var item: [String: Any] = [
                "title": list.page.frontMatter.title, "url": LinkTarget.encodePath(list.page.outputPath),
                "tipsLabel": PageContext.count(list.anchors.tips.count, "tip"),
            ]
            item["summary"] = list.page.frontMatter.summary
            return item
        }
        context["hasTipLists"] = !handbook.tipLists.isEmpty
        context["ruleCount"] = handbook.rules.count
        context["rulesURL"] = SitePaths.rulesIndex
        try staging.write(templates.render(context, template: "index"), to: SitePaths.home)
    }

    private static func renderRulesIndex(handbook: ResolvedHandbook, templates: TemplateSet, into staging: StagingFolder) throws {
        let builder = PageContext(handbook: handbook)
        let root = "../"
        var context = builder.base(
            kind: "rulesIndex", title: "All rules", description: "Every rule of \(handbook.config.title), by chapter.",
            root: root, currentPath: SitePaths.rulesIndex)
        let rulesByChapter = handbook.rulesByChapter.map { $0.map { handbook.rules[$0] } }
        context["groups"] = handbook.chapters.indices.compactMap { index -> [String: Any]? in
            guard !rulesByChapter[index].isEmpty else { return nil }
            var group = builder.chapterSummary(index, root: root)
            group["rules"] = rulesByChapter[index].compactMap { rule -> [String: Any]? in
                var link = builder.ruleLink(rule.identifier, root: root)
                link?["nested"] = rule.parent != nil
                return link
            }
            return group
        }
        context["ruleCount"] = handbook.rules.count
        try staging.write(templates.render(context, template: "rules-index"), to: SitePaths.rulesIndex)
    }

    private static func renderSearch(handbook: ResolvedHandbook, templates: TemplateSet, into staging: StagingFolder) throws {
        let context = PageContext(handbook: handbook).base(
            kind: "search", title: "Search", description: "Search \(handbook.config.title) by words, questions or rule identifiers.",
            root: "", currentPath: SitePaths.search)
        try staging.write(templates.render(context, template: "search"), to: SitePaths.search)
    }

    /// A short description for a page's meta tag: the first sentence, at most 200 characters.
    private static func firstSentence(of text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        if let end = line.range(of: ". ") { return String(line[..<end.lowerBound]) + "." }
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }
}
