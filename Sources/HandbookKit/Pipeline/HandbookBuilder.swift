import Foundation
import HandbookMarkdown

/// The build pipeline: load, parse, resolve, render, write. Each step is a function of its
/// own; the build stops before rendering when anything so far is an error, and writes into a
/// staging folder that replaces the output only when every file is written.
public enum HandbookBuilder {
    /// Builds the whole site into a staging folder that then replaces the output. With a cache
    /// (`handbook serve`), what the build parsed and wrote is kept for `rebuild`.
    public static func build(_ options: BuildOptions, cache: BuildCache? = nil) async -> BuildReport {
        let output = OutputFolder(path: options.output)
        let overlaps = FolderOverlap.problems(options)
        if !overlaps.isEmpty { return BuildReport(diagnostics: overlaps, pagesWritten: 0) }
        if let problem = output.ownershipProblem() {
            return BuildReport(diagnostics: [problem], pagesWritten: 0)
        }
        let started = Date()
        cache?.forgetOutput()
        var (checked, diagnostics) = await check(options, cache: cache)
        let checkedAt = Date()
        guard let handbook = checked.handbook, let templates = checked.templates, let search = checked.search,
            !diagnostics.hasErrors
        else {
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
        var staging: SiteFolder?
        do {
            // Only writing needs the output to itself; the lock is released when this block ends.
            let lock = try output.lock(options)
            defer { withExtendedLifetime(lock) {} }
            output.removeLeftovers()
            let folder = try output.makeStaging(writes: cache?.writes)
            staging = folder
            let result = try await writePages(handbook, templates: templates, downloads: DownloadSizes(), previous: nil, into: folder, progress: options.progress)
            let downloads = try writeEditions(
                SiteEdition.allCases, handbook, templates: templates, content: result.content, search: { search }, into: folder,
                progress: options.progress)
            try output.replace(with: folder)
            cache?.store(
                units: result.units,
                site: .init(
                    output: output.path, handbook: handbook, templates: templates, content: result.content,
                    configPath: checked.configPath, strict: options.strict, outOfDate: []))
            cache?.written(.offline, downloads: downloads)
            let pages = result.pages + 1
            var report = BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: pages)
            report.summary = summary(
                handbook, pages: pages, output: output, started: started, checkedAt: checkedAt,
                steps: ("load, parse, resolve, index for search", "render and write"))
            return report
        } catch {
            staging?.remove()
            cache?.forgetOutput()
            diagnostics.append(writeFailure(error, output: output))
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
    }

    /// Brings the output of an earlier build with the same cache up to date with the content and
    /// templates: only the pages whose inputs changed are rendered, only files whose bytes
    /// changed are written, in place, and pages no longer produced are removed. The editions
    /// (indexes, print, EPUB, offline copy) are left for `updateEditions`, which `serve` calls
    /// when one is asked for. Without an earlier build, this is `build`.
    public static func rebuild(_ options: BuildOptions, cache: BuildCache) async -> BuildReport {
        let output = OutputFolder(path: options.output)
        guard let site = cache.site, site.output == output.path, FileManager.default.fileExists(atPath: output.path + "/" + SiteLayout.marker)
        else {
            return await build(options, cache: cache)
        }
        let started = Date()
        var (checked, diagnostics) = await check(options, cache: cache, search: false)
        let checkedAt = Date()
        guard let handbook = checked.handbook, let templates = checked.templates, !diagnostics.hasErrors else {
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
        var pending: PendingWrites?
        do {
            let lock = try output.lock(options)
            defer { withExtendedLifetime(lock) {} }
            pending = try PendingWrites(beside: output)
            let folder = SiteFolder(path: output.path, writes: cache.writes, pending: pending)
            cache.writes.begin(.pages)
            let result = try await writePages(
                handbook, templates: templates, downloads: cache.downloads, previous: cache.units, into: folder,
                progress: options.progress)
            try pending?.commit()
            folder.removeFilesNoLongerProduced(in: .pages)
            cache.store(
                units: result.units,
                site: .init(
                    output: output.path, handbook: handbook, templates: templates, content: result.content,
                    configPath: checked.configPath, strict: options.strict, outOfDate: Set(SiteEdition.allCases)))
            var report = BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: result.rendered)
            var summary = summary(
                handbook, pages: result.pages + 1, output: output, started: started, checkedAt: checkedAt,
                steps: ("load, parse what changed, resolve", "render what changed and write"))
            summary.rendered = result.rendered
            summary.filesWritten = cache.writes.filesWritten
            report.summary = summary
            return report
        } catch {
            pending?.discard()
            cache.forgetOutput()
            diagnostics.append(writeFailure(error, output: output))
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
    }

    /// Writes `editions` of the last good `rebuild` that are out of date (and, for the offline
    /// copy, every other edition first, as it holds them). Returns what went wrong, if anything.
    public static func updateEditions(_ editions: [SiteEdition], cache: BuildCache) -> [Diagnostic] {
        guard let site = cache.site else { return [] }
        let wanted = SiteEdition.allCases.filter { edition in
            site.outOfDate.contains(edition) && editions.contains { $0.needs.contains(edition) }
        }
        guard !wanted.isEmpty else { return [] }
        let output = OutputFolder(path: site.output)
        var diagnostics: [Diagnostic] = []
        do {
            let lock = try OutputLock(output: output) {}
            defer { withExtendedLifetime(lock) {} }
            let folder = SiteFolder(path: output.path, writes: cache.writes)
            let search = {
                let files = try SearchFiles(site.handbook)
                if let warning = files.budgetWarning(config: site.handbook.config, configFile: DisplayPath.of(site.configPath)) {
                    diagnostics.append(site.strict ? warning.promotedToError() : warning)
                }
                return files
            }
            let downloads = try writeEditions(
                wanted, site.handbook, templates: site.templates, content: site.content, search: search, into: folder,
                written: { cache.written($0, downloads: nil) })
            if let downloads { cache.written(.offline, downloads: downloads) }
        } catch {
            cache.forgetOutput()
            diagnostics.append(writeFailure(error, output: output, inPlace: true))
        }
        return diagnostics
    }

    /// The figures of the summary line, and the time of the steps before and after `checkedAt`.
    private static func summary(
        _ handbook: ResolvedHandbook, pages: Int, output: OutputFolder, started: Date, checkedAt: Date,
        steps: (check: String, write: String)
    ) -> BuildSummary {
        BuildSummary(
            pages: pages, chapters: handbook.chapters.count, rules: handbook.rules.count,
            tips: handbook.tipLists.reduce(0) { $0 + $1.anchors.tips.count },
            seconds: Date().timeIntervalSince(started), output: DisplayPath.of(output.path),
            steps: [
                BuildSummary.Step(name: steps.check, seconds: checkedAt.timeIntervalSince(started)),
                BuildSummary.Step(name: steps.write, seconds: Date().timeIntervalSince(checkedAt)),
            ])
    }

    private static func writeFailure(_ error: any Error, output: OutputFolder, inPlace: Bool = false) -> Diagnostic {
        let state = error is PendingWrites.PartlyCommitted || inPlace
            ? "the site in the folder is out of date, part old and part new, until the next good build"
            : "the previous site is unchanged"
        return .error(
            .outputWrite, at: SourceLocation(file: DisplayPath.of(output.path)),
            "could not write the site: \(error.localizedDescription)",
            suggestion: "check the free space and that you may write to the folder; \(state)")
    }

    /// Everything short of writing: the resolved handbook, the templates, the search index, and
    /// every diagnostic a build would report (`handbook check` prints them).
    public struct Checked: Sendable {
        var handbook: ResolvedHandbook?
        var templates: TemplateSet?
        var search: SearchFiles?
        var configPath = ""
    }

    /// With `search` false, the search index (and its size warning) is left for later.
    public static func check(_ options: BuildOptions, cache: BuildCache? = nil, search buildSearch: Bool = true) async -> (Checked, [Diagnostic]) {
        let templatesTask = Task { TemplateSet.load(folder: options.templates) }

        // Load
        var (inventory, diagnostics) = ContentInventory.scan(contentFolder: options.content)
        var config: HandbookConfig?
        if FileManager.default.fileExists(atPath: inventory.configPath) {
            let problems: [Diagnostic]
            (config, problems) = HandbookConfig.parse(
                SourceFileReader.read(inventory.config, maxBytes: InputLimits.configBytes, what: "handbook.yml"))
            diagnostics += problems
        }
        if let config { diagnostics += MediaPolicy.problems(inventory.media, config: config) }

        // Parse
        let allowRawHTML = config?.allowRawHTML ?? false
        let (chapters, chapterProblems) = await parse(inventory.chapters, kind: .chapter, allowRawHTML: allowRawHTML, cache: cache)
        let (tipLists, tipProblems) = await parse(inventory.tipLists, kind: .tipList, allowRawHTML: allowRawHTML, cache: cache)
        cache?.keepParsedPages(at: Set((inventory.chapters + inventory.tipLists).map(\.path)))
        diagnostics += chapterProblems + tipProblems

        // The templates' own ids, which no heading may take.
        let (templates, templateProblems) = await templatesTask.value
        diagnostics += templateProblems

        // Resolve, and compare with the previous edition
        var handbook: ResolvedHandbook?
        if let config {
            var (resolved, problems) = Resolver.resolve(
                config: config, chapters: chapters, tipLists: tipLists, media: inventory.media,
                reservedAnchors: templates?.reservedIDs ?? [])
            let (history, changeProblems) = PreviousEdition.history(
                of: resolved, previousPath: options.previousEdition, contentRoot: inventory.root, realContentRoot: inventory.realRoot)
            resolved.history = history
            handbook = resolved
            diagnostics += problems + changeProblems
        }

        // The search index, whose size has a budget.
        var search: SearchFiles?
        if buildSearch, let handbook, !diagnostics.hasErrors {
            do {
                let files = try SearchFiles(handbook)
                search = files
                if let warning = files.budgetWarning(config: handbook.config, configFile: DisplayPath.of(inventory.configPath)) {
                    diagnostics.append(warning)
                }
            } catch {
                diagnostics.append(.error(
                    .searchIndex, at: SourceLocation(file: DisplayPath.of(inventory.configPath)),
                    "could not build the search index: \(error)"))
            }
        }
        if options.strict {
            diagnostics = diagnostics.map { $0.severity == .warning ? $0.promotedToError() : $0 }
        }
        return (
            Checked(handbook: handbook, templates: templates, search: search, configPath: inventory.configPath),
            diagnostics.sortedForDisplay())
    }

    /// Parses pages in parallel, keeping their order; a page whose file has the same bytes as
    /// in the cache is taken from it.
    private static func parse(
        _ files: [ContentInventory.PageFile], kind: ParsedPage.Kind, allowRawHTML: Bool, cache: BuildCache?
    ) async -> ([ParsedPage], [Diagnostic]) {
        await withTaskGroup(of: (Int, ParsedPage?, [Diagnostic]).self) { group in
            for (index, file) in files.enumerated() {
                group.addTask {
                    guard let cache, let data = try? file.source.read(maxBytes: InputLimits.markdownBytes) else {
                        let (page, diagnostics) = PageParser.parse(file, kind: kind, allowRawHTML: allowRawHTML)
                        return (index, page, diagnostics)
                    }
                    if let cached = cache.parsedPage(at: file.path, data: data, kind: kind, allowRawHTML: allowRawHTML) {
                        return (index, cached.page, cached.diagnostics)
                    }
                    let (page, diagnostics) = PageParser.parse(file, data: data, kind: kind, allowRawHTML: allowRawHTML)
                    cache.storeParsedPage(
                        .init(data: data, kind: kind, allowRawHTML: allowRawHTML, page: page, diagnostics: diagnostics),
                        at: file.path)
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

    /// The pages, rendered in units (see `SiteRenderer`), and the files every page needs: media,
    /// assets, the web app manifest, and, with a `base_url`, the sitemap and oEmbed files.
    private static func writePages(
        _ handbook: ResolvedHandbook, templates: TemplateSet, downloads: DownloadSizes,
        previous: [SiteRenderer.Unit: SiteRenderer.UnitRecord]?, into folder: SiteFolder,
        progress: (@Sendable (String, Int, Int) -> Void)?
    ) async throws -> SiteRenderer.Result {
        let renderer = SiteRenderer(
            handbook: handbook, templates: templates, previous: previous, downloads: downloads, progress: progress)
        let result = try await renderer.renderPages(into: folder)
        try writePublished(handbook, into: folder)
        for file in handbook.media {
            try folder.copy(from: file.source, to: SiteLayout.media(file.relativePath))
        }
        for asset in templates.files.assets {
            try folder.makeFolder((SiteLayout.asset(asset.path) as NSString).deletingLastPathComponent)
            try folder.write(asset.data, to: SiteLayout.asset(asset.path))
        }
        try folder.write(ServiceWorker.manifest(handbook.config), to: SiteLayout.manifest)
        try folder.write(
            "This folder is written by `handbook build` and replaced as a whole on every build.\n",
            to: SiteLayout.marker)
        return result
    }

    /// Writes `editions`, in the order of `SiteEdition.allCases`; returns the sizes of the
    /// downloads when it writes the offline copy, whose home page shows them.
    @discardableResult
    private static func writeEditions(
        _ editions: [SiteEdition], _ handbook: ResolvedHandbook, templates: TemplateSet, content: RenderedContent,
        search: () throws -> SearchFiles, into folder: SiteFolder,
        progress: (@Sendable (String, Int, Int) -> Void)? = nil, written: (SiteEdition) -> Void = { _ in }
    ) throws -> DownloadSizes? {
        var downloads: DownloadSizes?
        let made = EditionProducts.make(editions, handbook, templates: templates, content: content, siteFolder: folder.path)
        for edition in SiteEdition.allCases where editions.contains(edition) {
            let scope = WriteLog.Scope.edition(edition)
            folder.writes?.begin(scope)
            switch edition {
            case .index:
                progress?("writing the indexes and the print edition", 1, 4)
                try folder.write(try made.index!.get(), to: SiteLayout.handbookIndex, scope: scope)
                try folder.write(HandbookSchema.json, to: SiteLayout.handbookSchema, scope: scope)
            case .search:
                let search = try search()
                try folder.write(search.json, to: SiteLayout.searchIndexJSON, scope: scope)
                try folder.write(search.script, to: SiteLayout.searchIndexScript, scope: scope)
                for (number, part) in search.parts.enumerated() {
                    try folder.write(part, to: SiteLayout.searchIndexPart(number), scope: scope)
                }
            case .print:
                try folder.write(made.print!, to: SiteLayout.print, scope: scope)
            case .epub:
                progress?("writing the EPUB", 2, 4)
                try EPUBWriter.write(made.epub!, to: folder.path + "/" + SiteLayout.epub)
                folder.keepIfUnchanged(SiteLayout.epub)
                folder.writes?.keep([SiteLayout.epub], scope: scope)
            case .offline:
                progress?("writing the offline archive", 3, 4)
                downloads = try writeHomeAndOfflineFiles(
                    handbook, templates: templates, into: folder, folderName: OfflineArchive.folderName(title: handbook.config.title))
            }
            folder.removeFilesNoLongerProduced(in: scope)
            written(edition)
        }
        return downloads
    }

    /// The home page shows the sizes of the downloads, and the offline archive contains the home
    /// page and the service worker (whose cache name hashes every file): so they are written in
    /// turn until the sizes shown no longer change. Starting from the size of the archive the
    /// build replaces, that is one round unless the size shown changes, and two at most in practice.
    private static func writeHomeAndOfflineFiles(
        _ handbook: ResolvedHandbook, templates: TemplateSet, into staging: SiteFolder, folderName: String
    ) throws -> DownloadSizes {
        var downloads = DownloadSizes(
            epub: try staging.size(of: SiteLayout.epub), archive: staging.previous?.size(of: SiteLayout.offlineArchive) ?? 0,
            print: try staging.size(of: SiteLayout.print))
        for _ in 0..<5 {
            try SiteRenderer.renderHome(handbook: handbook, templates: templates, downloads: downloads, into: staging, scope: .edition(.offline))
            try ServiceWorker.write(into: staging, templates: templates)
            let written = try OfflineArchive.write(from: staging, folderName: folderName)
            staging.writes?.keep([SiteLayout.offlineArchive], scope: .edition(.offline))
            if Downloads.label(written) == Downloads.label(downloads.archive) { break }
            downloads.archive = written
        }
        staging.keepIfUnchanged(SiteLayout.offlineArchive)
        return downloads
    }

    /// With a `base_url`: the sitemap and the oEmbed files.
    private static func writePublished(_ handbook: ResolvedHandbook, into staging: SiteFolder) throws {
        guard let base = handbook.config.baseURL else { return }
        var pages = [SiteLayout.home, SiteLayout.rulesIndex, SiteLayout.print]
        if handbook.history.isComparing { pages.append(SiteLayout.changes) }
        var embeddable: [(path: String, title: String, height: Int)] = []
        for chapter in handbook.chapters {
            embeddable.append((chapter.page.outputPath, chapter.page.frontMatter.title, 800))
        }
        for rule in handbook.rules {
            embeddable.append((SiteLayout.rulePage(rule.identifier), "\(rule.identifier) \(rule.title)", 320))
        }
        for list in handbook.tipLists {
            embeddable.append((list.page.outputPath, list.page.frontMatter.title, 800))
        }
        pages += embeddable.map(\.path)
        try staging.write(PublishedURLs.sitemap(base: base, pages: pages), to: SiteLayout.sitemap)
        for item in embeddable {
            guard let path = SiteLayout.oembed(forPage: item.path) else { continue }
            try staging.makeFolder((path as NSString).deletingLastPathComponent)
            try staging.write(
                PublishedURLs.oembed(base: base, page: item.path, title: item.title, config: handbook.config, height: item.height),
                to: path)
        }
    }
}
