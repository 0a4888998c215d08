import Foundation

/// The build pipeline: load, parse, resolve, render, write. Each step is a function of its
/// own; the build stops before rendering when anything so far is an error, and writes into a
/// staging folder that replaces the output only when every file is written.
public enum HandbookBuilder {
    public static func build(_ options: BuildOptions) async -> BuildReport {
        let output = OutputFolder(path: options.output)
        if let problem = output.ownershipProblem() {
            return BuildReport(diagnostics: [problem], pagesWritten: 0)
        }
        let started = Date()
        var (checked, diagnostics) = await check(options)
        let checkedAt = Date()
        guard let handbook = checked.handbook, let templates = checked.templates, let search = checked.search,
            !diagnostics.hasErrors
        else {
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
        do {
            let pages = try await write(handbook, templates: templates, search: search, to: output, progress: options.progress)
            var report = BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: pages)
            report.summary = BuildSummary(
                pages: pages, chapters: handbook.chapters.count, rules: handbook.rules.count,
                tips: handbook.tipLists.reduce(0) { $0 + $1.anchors.tips.count },
                seconds: Date().timeIntervalSince(started), output: DisplayPath.of(output.path),
                steps: [
                    ("load, parse, resolve, index for search", checkedAt.timeIntervalSince(started)),
                    ("render and write", Date().timeIntervalSince(checkedAt)),
                ].map { BuildSummary.Step(name: $0.0, seconds: $0.1) })
            return report
        } catch {
            diagnostics.append(.error(
                "output.write", at: SourceLocation(file: DisplayPath.of(output.path)),
                "could not write the site: \(error.localizedDescription)",
                suggestion: "check the free space and that you may write to the folder; the previous site is unchanged"))
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
    }

    /// Everything short of writing: the resolved handbook, the templates, the search index, and
    /// every diagnostic a build would report (`handbook check` prints them).
    public struct Checked: Sendable {
        var handbook: ResolvedHandbook?
        var templates: TemplateSet?
        var search: SearchFiles?
    }

    public static func check(_ options: BuildOptions) async -> (Checked, [Diagnostic]) {
        let templatesTask = Task { TemplateSet.load(folder: options.templates) }

        // Load
        var (inventory, diagnostics) = ContentInventory.scan(contentFolder: options.content)
        var config: HandbookConfig?
        if FileManager.default.fileExists(atPath: inventory.configPath) {
            switch SourceFileReader.read(path: inventory.configPath) {
            case .success(let file):
                let (parsed, problems) = HandbookConfig.parse(file)
                config = parsed
                diagnostics += problems
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }

        // Parse
        let allowRawHTML = config?.allowRawHTML ?? false
        let (chapters, chapterProblems) = await parse(inventory.chapters, kind: .chapter, allowRawHTML: allowRawHTML)
        let (tipLists, tipProblems) = await parse(inventory.tipLists, kind: .tipList, allowRawHTML: allowRawHTML)
        diagnostics += chapterProblems + tipProblems

        // Resolve
        var handbook: ResolvedHandbook?
        if let config {
            let (resolved, problems) = Resolver.resolve(
                config: config, chapters: chapters, tipLists: tipLists, media: inventory.media)
            handbook = resolved
            diagnostics += problems
        }

        let (templates, templateProblems) = await templatesTask.value
        diagnostics += templateProblems

        // The search index, whose size has a budget.
        var search: SearchFiles?
        if let handbook, !diagnostics.hasErrors {
            do {
                let files = try SearchFiles(handbook)
                search = files
                if let warning = files.budgetWarning(config: handbook.config, configFile: DisplayPath.of(inventory.configPath)) {
                    diagnostics.append(warning)
                }
            } catch {
                diagnostics.append(.error(
                    "search.index", at: SourceLocation(file: DisplayPath.of(inventory.configPath)),
                    "could not build the search index: \(error)"))
            }
        }
        if options.strict {
            diagnostics = diagnostics.map { $0.severity == .warning ? $0.promotedToError() : $0 }
        }
        return (Checked(handbook: handbook, templates: templates, search: search), diagnostics.sortedForDisplay())
    }

    /// Parses pages in parallel, keeping their order.
    private static func parse(
        _ files: [ContentInventory.PageFile], kind: ParsedPage.Kind, allowRawHTML: Bool
    ) async -> ([ParsedPage], [Diagnostic]) {
        await withTaskGroup(of: (Int, ParsedPage?, [Diagnostic]).self) { group in
            for (index, file) in files.enumerated() {
                group.addTask {
                    let (page, diagnostics) = PageParser.parse(file, kind: kind, allowRawHTML: allowRawHTML)
                    return (index, page, diagnostics)
                }
            }
            var pages = [ParsedPage?](repeating: nil, count: files.count)
            var diagnostics: [Diagnostic] = []
            for await (index, page, problems) in group {
                pages[index] = page
                diagnostics += problems
            }
            return (pages.compactMap { $0 }, diagnostics)
        }
    }

    /// Renders and writes the whole site into a staging folder, then swaps it into place.
    private static func write(
        _ handbook: ResolvedHandbook, templates: TemplateSet, search: SearchFiles, to output: OutputFolder,
        progress: (@Sendable (String, Int, Int) -> Void)? = nil
    ) async throws -> Int {
        let staging = try output.makeStaging()
        do {
            let (pages, content) = try await SiteRenderer(handbook: handbook, templates: templates, progress: progress)
                .renderPages(into: staging)
            try staging.write(HandbookIndex(handbook, content: content).encoded(), to: "handbook.json")
            try staging.write(HandbookSchema.json, to: "handbook.schema.json")
            try staging.write(search.json, to: SitePaths.searchIndexJSON)
            try staging.write(search.script, to: SitePaths.searchIndexScript)
            for (number, part) in search.parts.enumerated() {
                try staging.write(part, to: SearchFiles.partPath(number))
            }
            progress?("writing the print edition and embeds", 1, 4)
            try staging.write(PrintEdition.render(handbook, content: content, templates: templates), to: SitePaths.print)
            let embeds = EmbedPages.render(handbook, content: content, templates: templates)
            for folder in ["embed/chapters", "embed/rules", "embed/tips"] { try staging.makeFolder(folder) }
            for page in embeds { try staging.write(page.html, to: page.path) }
            try writePublished(handbook, into: staging)
            for file in handbook.media {
                try staging.copy(from: file.path, to: "media/" + file.relativePath)
            }
            for asset in templates.files.assets {
                try staging.makeFolder(("assets/" + asset.path as NSString).deletingLastPathComponent)
                try staging.write(asset.data, to: "assets/" + asset.path)
            }
            try staging.write(ServiceWorker.manifest(handbook.config), to: SitePaths.manifest)

            progress?("writing the EPUB", 2, 4)
            let stylesheet = templates.files.files["assets/epub.css"].map { String(decoding: $0, as: UTF8.self) } ?? ""
            let book = EPUBEdition.book(handbook, content: content, templates: templates, stylesheet: stylesheet)
            try EPUBWriter.write(book, to: staging.path + "/" + SitePaths.epub)
            // The archive's folder is named after the handbook, whatever the output is called.
            let folderName = ContentInventory.isSlug(HeadingSlugger.baseSlug(handbook.config.title))
                ? HeadingSlugger.baseSlug(handbook.config.title) : "handbook"
            progress?("writing the offline archive", 3, 4)
            try writeHomeAndOfflineFiles(handbook, templates: templates, into: staging, folderName: folderName)

            try staging.write(
                "This folder is written by `handbook build` and replaced as a whole on every build.\n",
                to: SitePaths.marker)
            try output.replace(with: staging)
            return pages + 2 + embeds.count
        } catch {
            staging.remove()
            throw error
        }
    }

    /// The home page shows the sizes of the downloads, and the offline archive contains the home
    /// page and the service worker (whose cache name hashes every file): so they are written in
    /// turn until the sizes shown no longer change, which takes two rounds at most in practice.
    private static func writeHomeAndOfflineFiles(
        _ handbook: ResolvedHandbook, templates: TemplateSet, into staging: StagingFolder, folderName: String
    ) throws {
        let epubSize = try staging.size(of: SitePaths.epub)
        var archiveSize = 0
        for _ in 0..<5 {
            let downloads = Downloads.list(epubSize: epubSize, archiveSize: archiveSize, printSize: try staging.size(of: SitePaths.print))
            try SiteRenderer.renderHome(handbook: handbook, templates: templates, downloads: downloads, into: staging)
            try ServiceWorker.write(into: staging, handbook: handbook, templates: templates)
            let written = try OfflineArchive.write(from: staging, folderName: folderName)
            if Downloads.label(written) == Downloads.label(archiveSize) { return }
            archiveSize = written
        }
    }

    /// With a `base_url`: the sitemap and the oEmbed files.
    private static func writePublished(_ handbook: ResolvedHandbook, into staging: StagingFolder) throws {
        guard let base = handbook.config.baseURL else { return }
        var pages = [SitePaths.home, SitePaths.rulesIndex, SitePaths.print]
        var embeddable: [(path: String, title: String, height: Int)] = []
        for chapter in handbook.chapters {
            embeddable.append((chapter.page.outputPath, chapter.page.frontMatter.title, 800))
        }
        for rule in handbook.rules {
            embeddable.append((SitePaths.rulePage(rule.identifier), "\(rule.identifier) \(rule.title)", 320))
        }
        for list in handbook.tipLists {
            embeddable.append((list.page.outputPath, list.page.frontMatter.title, 800))
        }
        pages += embeddable.map(\.path)
        try staging.write(PublishedURLs.sitemap(base: base, pages: pages), to: "sitemap.xml")
        for item in embeddable {
            guard let path = PublishedURLs.oembedPath(forPage: item.path) else { continue }
            try staging.makeFolder((path as NSString).deletingLastPathComponent)
            try staging.write(
                PublishedURLs.oembed(base: base, page: item.path, title: item.title, config: handbook.config, height: item.height),
                to: path)
        }
    }
}
