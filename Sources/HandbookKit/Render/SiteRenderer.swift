import Foundation
import Synchronization

/// Renders every page of a resolved handbook, in parallel, in units: a chapter with its rule
/// pages and their embeds, a tip list with its embed, and the pages that list the whole handbook.
/// With a cache from an earlier build of the same folder, a unit whose key has not changed is
/// not rendered again (`RenderKeys`).
package struct SiteRenderer: Sendable {
    let handbook: ResolvedHandbook
    let templates: TemplateSet
    /// The units of the last build; nil renders everything.
    var previous: [Unit: UnitRecord]?
    var downloads = DownloadSizes()
    var progress: (@Sendable (String, Int, Int) -> Void)?

    package enum Unit: Sendable, Hashable {
        case chapter(String)
        case tipList(String)
        case site
    }

    /// What a unit rendered: its files, and its content for the other editions.
    package struct UnitRecord: Sendable {
        var key: Int
        package var files: [String]
        var output: Output
    }

    enum Output: Sendable {
        case chapter(body: String, rules: [String: String])
        case tipList(TipListContent)
        case site
    }

    package struct Result: Sendable {
        /// HTML pages in the site's units.
        var pages: Int
        /// HTML pages rendered this time.
        var rendered: Int
        package var content: RenderedContent
        package var units: [Unit: UnitRecord]
    }

    func renderPages(into folder: SiteFolder) async throws -> Result {
        for path in SiteLayout.pageFolders {
            try folder.makeFolder(path)
        }
        let keys = RenderKeys(handbook: handbook, templates: templates)
        let handbook = self.handbook
        let templates = self.templates
        let downloads = self.downloads
        let previous = self.previous ?? [:]
        return try await withThrowingTaskGroup(of: (Unit, UnitRecord, rendered: Bool).self) { group in
            func add(_ unit: Unit, key: Int, render: @escaping @Sendable () throws -> (files: [String], output: Output)) {
                group.addTask {
                    if let record = previous[unit], record.key == key {
                        folder.writes?.keep(record.files, scope: .pages)
                        return (unit, record, false)
                    }
                    let (files, output) = try render()
                    return (unit, UnitRecord(key: key, files: files, output: output), true)
                }
            }
            for index in handbook.chapters.indices {
                add(.chapter(handbook.chapters[index].page.outputPath), key: keys.chapter(index)) {
                    try Self.renderChapter(index, handbook: handbook, templates: templates, into: folder)
                }
            }
            for index in handbook.tipLists.indices {
                add(.tipList(handbook.tipLists[index].page.outputPath), key: keys.tipList(index)) {
                    try Self.renderTipList(index, handbook: handbook, templates: templates, into: folder)
                }
            }
            add(.site, key: keys.site()) {
                try Self.renderSitePages(handbook: handbook, templates: templates, downloads: downloads, into: folder)
            }

            var result = Result(
                pages: 0, rendered: 0,
                content: RenderedContent(
                    chapters: Array(repeating: "", count: handbook.chapters.count), rules: [:],
                    tipLists: Array(repeating: TipListContent(parts: []), count: handbook.tipLists.count)),
                units: [:])
            let chapterIndex = Dictionary(uniqueKeysWithValues: handbook.chapters.enumerated().map { ($1.page.outputPath, $0) })
            let tipListIndex = Dictionary(uniqueKeysWithValues: handbook.tipLists.enumerated().map { ($1.page.outputPath, $0) })
            let total = handbook.chapters.count + handbook.tipLists.count + 1
            for try await (unit, record, rendered) in group {
                result.units[unit] = record
                let pages = record.files.filter { $0.hasSuffix(".html") }.count
                result.pages += pages
                if rendered { result.rendered += pages }
                switch (unit, record.output) {
                case (.chapter(let path), .chapter(let body, let rules)):
                    result.content.chapters[chapterIndex[path]!] = body
                    result.content.rules.merge(rules) { $1 }
                case (.tipList(let path), .tipList(let content)):
                    result.content.tipLists[tipListIndex[path]!] = content
                default:
                    break
                }
                progress?("rendering pages", result.units.count, total)
            }
            return result
        }
    }

    // MARK: Page kinds

    static func renderChapter(
        _ index: Int, handbook: ResolvedHandbook, templates: TemplateSet, into staging: SiteFolder
    ) throws -> (files: [String], output: Output) {
        var files: [String] = []
        func write(_ html: String, to path: String) throws {
            try staging.write(html, to: path)
            files.append(path)
        }
        let chapter = handbook.chapters[index]
        let page = chapter.page
        let rendered = page.document.render(chapter.instructions)
        let rules = handbook.rulesByChapter[index].map { handbook.rules[$0] }
        let builder = PageContext(handbook: handbook)
        let root = SiteLayout.rootFromPage

        var context = builder.base(
            kind: "chapter", title: page.frontMatter.title, description: page.frontMatter.summary,
            root: root, currentPath: page.outputPath)
        var values = builder.chapterSummary(index, root: root)
        let body = ChapterHTML.body(
            rendered.blocks, outline: page.outline, rules: rules, marks: ChangesPage.chapterMarks(rules, handbook: handbook))
        values["html"] = body
        let contents = ChapterHTML.contents(outline: page.outline, anchors: chapter.anchors)
        values["contents"] = contents
        values["hasContents"] = contents.count > 1
        context["chapter"] = values
        if index > 0 { context["previous"] = builder.chapterSummary(index - 1, root: root) }
        if index + 1 < handbook.chapters.count { context["next"] = builder.chapterSummary(index + 1, root: root) }
        try write(templates.render(context, template: "chapter"), to: page.outputPath)
        let embed = EmbedPages.chapter(index, html: body, handbook: handbook, templates: templates)
        try write(embed.html, to: embed.path)

        // Each rule's page and embed. A chapter is one task of the site's; a chapter with many
        // rules renders them in runs on all cores, or it alone would keep one core busy.
        var subruleIdentifiers: [String: [String]] = [:]
        for rule in rules {
            if let parent = rule.parent { subruleIdentifiers[parent, default: []].append(rule.identifier) }
        }
        let children = subruleIdentifiers
        let blocks = rendered.blocks
        let renderRule: @Sendable (Int) throws -> (text: String, files: [String]) = { position in
            let rule = rules[position]
            let path = SiteLayout.rulePage(rule.identifier)
            var context = builder.base(
                kind: "rule", title: "\(rule.identifier) \(rule.title)", description: firstSentence(of: rule.plainText),
                root: root, currentPath: path)
            var values: [String: Any] = builder.ruleLink(rule.identifier, root: root) ?? [:]
            let text = ChapterHTML.ruleText(rule, blocks: blocks)
            values["html"] = text
            values["chapter"] = builder.chapterSummary(index, root: root)
            values["cites"] = rule.references.compactMap { builder.ruleLink($0, root: root) }
            values["citedBy"] = rule.citedBy.map { citation -> [String: Any] in
                ["label": citation.label, "kind": citation.kind.rawValue, "url": root + citation.url,
                 "isChapter": citation.kind == .chapter, "isRule": citation.kind == .rule, "isTip": citation.kind == .tip]
            }
            values["hasCites"] = !rule.references.isEmpty
            values["hasCitedBy"] = !rule.citedBy.isEmpty
            if let parent = rule.parent { values["parent"] = builder.ruleLink(parent, root: root) }
            let subrules = (children[rule.identifier] ?? []).compactMap { builder.ruleLink($0, root: root) }
            values["subrules"] = subrules
            values["hasSubrules"] = !subrules.isEmpty
            values["change"] = ChangesPage.mark(for: rule.identifier, handbook: handbook, root: root)
            context["rule"] = values
            if position > 0 { context["previous"] = builder.ruleLink(rules[position - 1].identifier, root: root) }
            if position + 1 < rules.count { context["next"] = builder.ruleLink(rules[position + 1].identifier, root: root) }
            try staging.write(templates.render(context, template: "rule"), to: path)
            let embed = EmbedPages.rule(rule, html: text, handbook: handbook, templates: templates)
            try staging.write(embed.html, to: embed.path)
            return (text, [path, embed.path])
        }
        var results: [(text: String, files: [String])] = []
        let run = 64
        if rules.count <= run {
            results = try rules.indices.map(renderRule)
        } else {
            let runs = (rules.count + run - 1) / run
            let rendered = Mutex([Int: Swift.Result<[(text: String, files: [String])], any Error>]())
            DispatchQueue.concurrentPerform(iterations: runs) { number in
                let positions = (number * run)..<min(rules.count, (number + 1) * run)
                let outcome = Swift.Result { try positions.map(renderRule) }
                rendered.withLock { $0[number] = outcome }
            }
            results = try rendered.withLock { rendered in try (0..<runs).flatMap { try rendered[$0]!.get() } }
        }
        var ruleTexts: [String: String] = [:]
        for (rule, result) in zip(rules, results) {
            ruleTexts[rule.identifier] = result.text
            files += result.files
        }
        return (files, .chapter(body: body, rules: ruleTexts))
    }

    private static func renderTipList(
        _ index: Int, handbook: ResolvedHandbook, templates: TemplateSet, into staging: SiteFolder
    ) throws -> (files: [String], output: Output) {
        let list = handbook.tipLists[index]
        let page = list.page
        let rendered = page.document.render(list.instructions, listItems: true)
        var parts: [TipListContent.Part] = []
        var tip = 0
        for (blockIndex, block) in rendered.blocks.enumerated() {
            guard blockIndex < page.outline.blocks.count, page.outline.blocks[blockIndex].kind == .list else {
                parts.append(.prose(block))
                continue
            }
            var tips: [TipListContent.Tip] = []
            while tip < page.outline.listItems.count, page.outline.listItems[tip].block == blockIndex {
                tips.append(.init(
                    anchor: list.anchors.tips[tip], html: tip < rendered.listItems.count ? rendered.listItems[tip] : "",
                    rules: list.tipRules[tip]))
                tip += 1
            }
            parts.append(.tips(tips))
        }
        let content = TipListContent(parts: parts)
        let builder = PageContext(handbook: handbook)
        var context = builder.base(
            kind: "tipList", title: page.frontMatter.title, description: page.frontMatter.summary,
            root: SiteLayout.rootFromPage, currentPath: page.outputPath)
        context["tipList"] = builder.tipList(index, content: content, root: SiteLayout.rootFromPage)
        try staging.write(templates.render(context, template: "tip-list"), to: page.outputPath)
        let embed = EmbedPages.tipList(index, content: content, handbook: handbook, templates: templates)
        try staging.write(embed.html, to: embed.path)
        return ([page.outputPath, embed.path], .tipList(content))
    }

    /// The pages that list the whole handbook.
    private static func renderSitePages(
        handbook: ResolvedHandbook, templates: TemplateSet, downloads: DownloadSizes, into staging: SiteFolder
    ) throws -> (files: [String], output: Output) {
        try renderRulesIndex(handbook: handbook, templates: templates, into: staging)
        try renderSearch(handbook: handbook, templates: templates, into: staging)
        let guide = EmbedPages.guide(handbook, templates: templates)
        try staging.write(guide.html, to: guide.path)
        try renderHome(handbook: handbook, templates: templates, downloads: downloads, into: staging, scope: .pages)
        var files = [SiteLayout.rulesIndex, SiteLayout.search, guide.path, SiteLayout.home]
        if handbook.history.isComparing {
            try staging.write(ChangesPage.render(handbook, templates: templates), to: SiteLayout.changes)
            files.append(SiteLayout.changes)
        }
        for page in ChangesPage.withdrawnPages(handbook, templates: templates) {
            try staging.write(page.html, to: page.path)
            files.append(page.path)
        }
        return (files, .site)
    }

    /// The home page shows the sizes of the downloads, so the editions write it again once
    /// they know them.
    static func renderHome(
        handbook: ResolvedHandbook, templates: TemplateSet, downloads: DownloadSizes, into staging: SiteFolder,
        scope: WriteLog.Scope
    ) throws {
        let downloads = downloads.list
        let builder = PageContext(handbook: handbook)
        var context = builder.base(
            kind: "home", title: handbook.config.title, description: handbook.config.description,
            root: "", currentPath: SiteLayout.home)
        context["downloads"] = downloads
        context["hasDownloads"] = !downloads.isEmpty
        context["chapters"] = handbook.chapters.indices.map { builder.chapterSummary($0, root: "") }
        context["tipLists"] = handbook.tipLists.map { list -> [String: Any] in
            var item: [String: Any] = [
                "title": list.page.frontMatter.title, "url": URLEncoding.path(list.page.outputPath),
                "tipsLabel": PageContext.count(list.anchors.tips.count, "tip"),
            ]
            item["summary"] = list.page.frontMatter.summary
            return item
        }
        context["hasTipLists"] = !handbook.tipLists.isEmpty
        context["ruleCount"] = handbook.rules.count
        context["rulesURL"] = SiteLayout.rulesIndex
        try staging.write(templates.render(context, template: "index"), to: SiteLayout.home, scope: scope)
    }

    private static func renderRulesIndex(handbook: ResolvedHandbook, templates: TemplateSet, into staging: SiteFolder) throws {
        let builder = PageContext(handbook: handbook)
        let root = SiteLayout.rootFromPage
        var context = builder.base(
            kind: "rulesIndex", title: "All rules", description: "Every rule of \(handbook.config.title), by chapter.",
            root: root, currentPath: SiteLayout.rulesIndex)
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
        let withdrawn = handbook.history.withdrawn.map { rule -> [String: Any] in
            ["id": rule.id, "title": rule.title, "withdrawnIn": rule.withdrawnIn,
             "url": root + URLEncoding.path(SiteLayout.rulePage(rule.id))]
        }
        context["withdrawn"] = withdrawn
        context["hasWithdrawn"] = !withdrawn.isEmpty
        try staging.write(templates.render(context, template: "rules-index"), to: SiteLayout.rulesIndex)
    }

    private static func renderSearch(handbook: ResolvedHandbook, templates: TemplateSet, into staging: SiteFolder) throws {
        let context = PageContext(handbook: handbook).base(
            kind: "search", title: "Search", description: "Search \(handbook.config.title) by words, questions or rule identifiers.",
            root: "", currentPath: SiteLayout.search)
        try staging.write(templates.render(context, template: "search"), to: SiteLayout.search)
    }

    /// A short description for a page's meta tag: the first sentence, at most 200 characters.
    private static func firstSentence(of text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        if let end = line.range(of: ". ") { return String(line[..<end.lowerBound]) + "." }
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }
}
