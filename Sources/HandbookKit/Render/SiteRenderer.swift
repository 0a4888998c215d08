import Foundation

/// Renders every page of a resolved handbook, in parallel, in units: a chapter with its rule
/// pages and their embeds, a tip list with its embed, and each of the pages that list the whole
/// handbook.
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
        case site(SitePages)
    }

    /// The pages that list the whole handbook, each a unit of its own, so that a change that one
    /// of them shows does not render the other again. The lists of every rule (all rules, the
    /// embed guide) are editions: `serve` writes them when asked for, not on every save.
    package enum SitePages: Sendable, Hashable, CaseIterable {
        /// The home page and the search page.
        case home
        /// The changes page and the withdrawn rules' pages.
        case changes
    }

    /// What a unit rendered: its files, and its content for the other editions.
    package struct UnitRecord: Sendable {
        var key: RenderKey
        package var files: [String]
        /// How many of `files` are HTML pages.
        var pages: Int
        var output: Output

        init(key: RenderKey, files: [String], output: Output) {
            self.key = key
            self.files = files
            pages = files.filter { $0.hasSuffix(".html") }.count
            self.output = output
        }
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
        let context = PageContext(handbook: handbook, templates: templates)
        let keys = RenderKeys(frame: context.frame, templates: templates)
        let handbook = self.handbook
        let templates = self.templates
        let downloads = self.downloads
        let previous = self.previous ?? [:]
        return try await withThrowingTaskGroup(of: (Unit, UnitRecord, rendered: Bool).self) { group in
            /// The unit's values are gathered, and its key computed, in its own task.
            func add<Inputs: Hashable & Sendable>(
                _ unit: Unit, inputs: @escaping @Sendable () -> Inputs,
                render: @escaping @Sendable (Inputs) throws -> (files: [String], output: Output)
            ) {
                group.addTask {
                    let inputs = inputs()
                    let key = keys.key(inputs)
                    if let record = previous[unit], record.key == key {
                        return (unit, record, false)
                    }
                    let (files, output) = try render(inputs)
                    return (unit, UnitRecord(key: key, files: files, output: output), true)
                }
            }
            // The lists of the whole handbook first: each takes as long as a dozen chapters, and
            // started last they would keep one core busy after the rest had finished.
            let site = SiteUnit(handbook)
            for pages in SitePages.allCases {
                add(.site(pages), inputs: { site }) {
                    try Self.renderSitePages(pages, $0, context: context, templates: templates, downloads: downloads, into: folder)
                }
            }
            for index in handbook.chapters.indices {
                add(.chapter(handbook.chapters[index].page.outputPath), inputs: { ChapterUnit(index, handbook: handbook) }) {
                    try Self.renderChapter($0, context: context, templates: templates, into: folder)
                }
            }
            for index in handbook.tipLists.indices {
                add(.tipList(handbook.tipLists[index].page.outputPath), inputs: { TipListUnit(index, handbook: handbook) }) {
                    try Self.renderTipList($0, context: context, templates: templates, into: folder)
                }
            }

            var result = Result(
                pages: 0, rendered: 0,
                content: RenderedContent(
                    chapters: Array(repeating: "", count: handbook.chapters.count), rules: [:],
                    tipLists: Array(repeating: TipListContent(parts: []), count: handbook.tipLists.count)),
                units: [:])
            let chapterIndex = Dictionary(uniqueKeysWithValues: handbook.chapterPaths.enumerated().map { ($1, $0) })
            let tipListIndex = Dictionary(uniqueKeysWithValues: handbook.tipLists.enumerated().map { ($1.page.outputPath, $0) })
            let total = handbook.chapters.count + handbook.tipLists.count + SitePages.allCases.count
            // The files of the units rendered again, before and now, for the write log.
            var retired: [String] = []
            var written: [String] = []
            for try await (unit, record, rendered) in group {
                result.units[unit] = record
                result.pages += record.pages
                if rendered {
                    result.rendered += record.pages
                    retired += previous[unit]?.files ?? []
                    written += record.files
                }
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
            for (unit, record) in previous where result.units[unit] == nil {
                retired += record.files
            }
            folder.writes?.settleUnits(retired: retired, rendered: written)
            return result
        }
    }

    // MARK: Page kinds

    /// A chapter's page, its rules' pages and their embeds, from the chapter's values and the
    /// frame alone: what they show is what their key hashes.
    static func renderChapter(
        _ unit: ChapterUnit, context builder: PageContext, templates: TemplateSet, into staging: SiteFolder
    ) throws -> (files: [String], output: Output) {
        var files: [String] = []
        func write(_ html: String, to path: String) throws {
            try staging.write(html, to: path)
            files.append(path)
        }
        let chapter = unit.source.resolved
        let page = chapter.page
        let rendered = page.document.render(chapter.instructions)
        let rules = unit.rules
        let root = SiteLayout.rootFromPage

        var context = builder.base(
            kind: .chapter, title: page.frontMatter.title, description: page.frontMatter.summary,
            root: root, currentPath: page.outputPath)
        var values = unit.summary.context(root: root)
        let body = ChapterHTML.body(rendered.blocks, outline: page.outline, rules: rules, marks: unit.marks.mapValues(\.chapterHTML))
        values[.html] = body
        let contents = ChapterHTML.contents(outline: page.outline, anchors: chapter.anchors)
        values[.contents] = contents
        values[.hasContents] = contents.count > 1
        context[.chapter] = values
        context[.previous] = unit.previous?.context(root: root)
        context[.next] = unit.next?.context(root: root)
        try write(templates.render(context, template: "chapter"), to: page.outputPath)
        let embed = EmbedPages.chapter(unit, html: body, context: builder, templates: templates)
        try write(embed.html, to: embed.path)

        // Each rule's page and embed. A chapter is one task of the site's; a chapter with many
        // rules renders them in runs on all cores, or it alone would keep one core busy.
        var subruleIdentifiers: [String: [String]] = [:]
        for rule in rules {
            if let parent = rule.parent { subruleIdentifiers[parent, default: []].append(rule.identifier) }
        }
        let children = subruleIdentifiers
        let blocks = rendered.blocks
        let navigation = builder.sectionNavigation(root: root, chapterPath: page.outputPath)
        let renderRule: @Sendable (Int) throws -> (text: String, files: [String]) = { position in
            let rule = rules[position]
            let path = SiteLayout.rulePage(rule.identifier)
            func link(_ identifier: String) -> TemplateContext? { unit.links[identifier]?.context(root: root) }
            var context = builder.base(
                kind: .rule, title: "\(rule.identifier) \(rule.title)", description: FirstSentence.of(rule.plainText),
                root: root, currentPath: path, section: navigation)
            var values = link(rule.identifier) ?? TemplateContext()
            let text = ChapterHTML.ruleText(rule, blocks: blocks)
            values[.html] = text
            values[.chapter] = unit.summary.context(root: root)
            // A parent's mentions of its own sub-rules are its structure, shown as its sub-rules.
            let ownSubrules = Set(children[rule.identifier] ?? [])
            let cites = rule.references.filter { !ownSubrules.contains($0) }
            values[.cites] = cites.compactMap(link)
            let citedBy = rule.citedBy.filter(\.kind.isShownAsCitation)
            values[.citedBy] = citedBy.map { citation -> TemplateContext in
                [.label: citation.label, .kind: citation.kind.rawValue, .url: root + citation.url,
                 .isChapter: citation.kind == .chapter, .isRule: citation.kind == .rule, .isTip: citation.kind == .tip]
            }
            values[.hasCites] = !cites.isEmpty
            values[.hasCitedBy] = !citedBy.isEmpty
            if let parent = rule.parent { values[.parent] = link(parent) }
            let subrules = (children[rule.identifier] ?? []).compactMap(link)
            values[.subrules] = subrules
            values[.hasSubrules] = !subrules.isEmpty
            values[.change] = unit.marks[rule.identifier]?.context(root: root)
            context[.rule] = values
            if position > 0 { context[.previous] = link(rules[position - 1].identifier) }
            if position + 1 < rules.count { context[.next] = link(rules[position + 1].identifier) }
            try staging.write(templates.render(context, template: "rule"), to: path)
            let embed = EmbedPages.rule(rule, html: text, unit: unit, context: builder, templates: templates)
            try staging.write(embed.html, to: embed.path)
            return (text, [path, embed.path])
        }
        let results = rules.count <= 64
            ? try rules.indices.map(renderRule) : try Array(rules.indices).mappingRuns(of: 64) { try $0.map(renderRule) }
        var ruleTexts: [String: String] = [:]
        for (rule, result) in zip(rules, results) {
            ruleTexts[rule.identifier] = result.text
            files += result.files
        }
        return (files, .chapter(body: body, rules: ruleTexts))
    }

    /// A tip list's page and its embed, from the list's values and the frame alone.
    private static func renderTipList(
        _ unit: TipListUnit, context builder: PageContext, templates: TemplateSet, into staging: SiteFolder
    ) throws -> (files: [String], output: Output) {
        let list = unit.source.resolved
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
                var shown: [String] = []
                if let citation = page.outline.listItems[tip].trailingCitation,
                    list.instructions.droppedTextEnds[citation.textNode] == citation.range.lowerBound
                {
                    var seen: Set<String> = []
                    shown = citation.identifiers.filter { seen.insert($0).inserted }
                }
                tips.append(.init(
                    anchor: list.anchors.tips[tip], html: tip < rendered.listItems.count ? rendered.listItems[tip] : "",
                    shownRules: shown))
                tip += 1
            }
            parts.append(.tips(tips))
        }
        let content = TipListContent(parts: parts)
        var context = builder.base(
            kind: .tipList, title: page.frontMatter.title, description: page.frontMatter.summary,
            root: SiteLayout.rootFromPage, currentPath: page.outputPath)
        context[.tipList] = unit.context(content: content, root: SiteLayout.rootFromPage)
        context[.previous] = unit.previous?.context(root: SiteLayout.rootFromPage)
        context[.next] = unit.next?.context(root: SiteLayout.rootFromPage)
        try staging.write(templates.render(context, template: "tip-list"), to: page.outputPath)
        let embed = EmbedPages.tipList(unit, content: content, context: builder, templates: templates)
        try staging.write(embed.html, to: embed.path)
        return ([page.outputPath, embed.path], .tipList(content))
    }

    /// The pages that list the whole handbook, from the site's values and the frame alone.
    private static func renderSitePages(
        _ pages: SitePages, _ site: SiteUnit, context: PageContext, templates: TemplateSet, downloads: DownloadSizes,
        into staging: SiteFolder
    ) throws -> (files: [String], output: Output) {
        var files: [String] = []
        switch pages {
        case .home:
            try renderSearch(context: context, templates: templates, into: staging)
            try renderHome(site, context: context, templates: templates, downloads: downloads, into: staging, scope: .pages)
            files = [SiteLayout.search, SiteLayout.home]
            if templates.has(notFoundTemplate) {
                try renderNotFound(context: context, templates: templates, into: staging)
                files.append(SiteLayout.notFound)
            }
        case .changes:
            if site.history.isComparing {
                try staging.write(ChangesPage.render(site, context: context, templates: templates), to: SiteLayout.changes)
                files.append(SiteLayout.changes)
            }
            for page in ChangesPage.withdrawnPages(site, context: context, templates: templates) {
                try staging.write(page.html, to: page.path)
                files.append(page.path)
            }
        }
        return (files, .site)
    }

    /// The home page shows the sizes of the downloads, so the editions write it again once
    /// they know them.
    static func renderHome(
        _ site: SiteUnit, context builder: PageContext, templates: TemplateSet, downloads: DownloadSizes,
        into staging: SiteFolder, scope: WriteLog.Scope
    ) throws {
        try staging.write(homeHTML(site, context: builder, templates: templates, downloads: downloads), to: SiteLayout.home, scope: scope)
    }

    static func homeHTML(_ site: SiteUnit, context builder: PageContext, templates: TemplateSet, downloads: DownloadSizes) -> String {
        let downloads = downloads.list
        let config = builder.frame.config
        var context = builder.base(
            kind: .home, title: config.title, description: config.description,
            root: "", currentPath: SiteLayout.home)
        context[.downloads] = downloads
        context[.hasDownloads] = !downloads.isEmpty
        let chapters = site.chapters.map { $0.context(root: "") }
        context[.chapters] = chapters
        if let groups = PartGroup.groups(site.chapters.map(\.part)) {
            context[.hasParts] = true
            context[.parts] = PartSections.sections(groups, chapters: chapters)
        }
        context[.tipLists] = site.tipLists.map { list -> TemplateContext in
            var item: TemplateContext = [
                .title: list.title, .url: URLEncoding.path(list.path),
                .tipsLabel: PageContext.count(list.tipCount, "tip"),
            ]
            item[.summary] = list.summary
            return item
        }
        context[.hasTipLists] = !site.tipLists.isEmpty
        context[.situations] = site.situations.map { situation -> TemplateContext in
            [
                .text: situation.text, .url: situation.rules[0].contextURL(root: ""),
                .rules: situation.rules.map { $0.context(root: "") },
            ]
        }
        context[.hasSituations] = !site.situations.isEmpty
        context[.ruleCount] = site.rules.count
        context[.rulesURL] = SiteLayout.rulesIndex
        return templates.render(context, template: "index")
    }

    /// The list of every rule, by chapter (`RulesIndexEdition`).
    static func rulesIndexHTML(_ site: SiteUnit, context builder: PageContext, templates: TemplateSet) -> String {
        let root = SiteLayout.rootFromPage
        var context = builder.base(
            kind: .rulesIndex, title: "All rules", description: "Every rule of \(builder.frame.config.title), by chapter.",
            root: root, currentPath: SiteLayout.rulesIndex)
        context[.groups] = site.chapters.indices.compactMap { index -> TemplateContext? in
            guard !site.rulesByChapter[index].isEmpty else { return nil }
            var group = site.chapters[index].context(root: root)
            group[.rules] = site.rulesByChapter[index].map { ruleIndex -> TemplateContext in
                let rule = site.rules[ruleIndex]
                return rule.link.context(root: root).merging([.nested: rule.nested])
            }
            return group
        }
        context[.ruleCount] = site.rules.count
        let withdrawn = site.history.withdrawn.map { rule -> TemplateContext in
            [.id: rule.id, .title: rule.title, .withdrawnIn: rule.withdrawnIn,
             .url: root + URLEncoding.path(SiteLayout.rulePage(rule.id))]
        }
        context[.withdrawn] = withdrawn
        context[.hasWithdrawn] = !withdrawn.isEmpty
        return templates.render(context, template: "rules-index")
    }

    static let notFoundTemplate = "404"

    /// Shown by a web server at any depth, so its links lead from the site's root: the path of
    /// `base_url` (the same host, whichever name it is reached by), or the server's root.
    private static func renderNotFound(context builder: PageContext, templates: TemplateSet, into staging: SiteFolder) throws {
        var context = builder.base(
            kind: .notFound, title: "Page not found", description: nil,
            root: builder.frame.config.baseURL.map(BaseURL.path) ?? "/", currentPath: SiteLayout.notFound)
        if var page = context[.page] as? TemplateContext {
            page[.canonical] = nil
            page[.oembed] = nil
            context[.page] = page
        }
        try staging.write(templates.render(context, template: notFoundTemplate), to: SiteLayout.notFound)
    }

    private static func renderSearch(context builder: PageContext, templates: TemplateSet, into staging: SiteFolder) throws {
        let context = builder.base(
            kind: .search, title: "Search", description: "Search \(builder.frame.config.title) by words, questions or rule identifiers.",
            root: "", currentPath: SiteLayout.search)
        try staging.write(templates.render(context, template: "search"), to: SiteLayout.search)
    }
}
