import Foundation
import HandbookMarkdown

/// The build pipeline, as its steps: load, parse, resolve, compare, index (`check`), then
/// render and the editions, written through one `SiteTransaction` for whole builds and
/// `serve`'s rebuilds alike. Nothing is written when any step before rendering reports an error.
public enum HandbookBuilder {
    /// Builds the whole site into a staging folder that then replaces the output. With a cache
    /// (`handbook serve`), what the build parsed and wrote is kept for `rebuild`.
    public static func build(_ options: BuildOptions, cache: BuildCache? = nil) async -> BuildReport {
        let output = OutputFolder(path: options.output)
        let overlaps = FolderOverlap.problems(options)
        if !overlaps.isEmpty { return BuildReport(diagnostics: overlaps, pagesWritten: 0) }
        if let problem = output.ownershipProblem() { return BuildReport(diagnostics: [problem], pagesWritten: 0) }
        let started = Date()
        cache?.forgetOutput()
        let (checked, diagnostics) = await check(options, cache: cache, search: false)
        let checkedAt = Date()
        guard let handbook = checked.handbook, let templates = checked.templates, !diagnostics.hasErrors else {
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
        // The search index is made while the pages are rendered: both read only the resolved
        // handbook, and the index alone kept one core busy for a tenth of a whole build.
        let configPath = checked.configPath
        let indexing = Task.detached { IndexStep.run(handbook, configPath: configPath) }
        return await write(
            handbook, templates: templates, configPath: configPath, diagnostics: diagnostics, options: options,
            output: output, cache: cache, started: started, checkedAt: checkedAt,
            steps: ("load, parse, resolve", "render, index for search, and write"),
            index: { await indexing.value }
        ) { content, folder, search in
            try EditionsStep.editions(
                SiteEdition.allCases, handbook, templates: templates, content: content, search: { try search ?? SearchFiles(handbook) }, siteFolder: folder.path)
        }
    }

    /// Brings the output of an earlier build with the same cache up to date with the content and
    /// templates: only the pages whose inputs changed are rendered, only files whose bytes
    /// changed are written, in place, and pages no longer produced are removed. The editions
    /// (indexes, print, EPUB, offline copy) are left for `updateEditions`, which `serve` calls
    /// when one is asked for. Without an earlier build, this is `build`.
    public static func rebuild(_ options: BuildOptions, cache: BuildCache) async -> BuildReport {
        let output = OutputFolder(path: options.output)
        guard cache.output == output.path,
            FileManager.default.fileExists(atPath: output.path + "/" + SiteLayout.marker)
        else {
            return await build(options, cache: cache)
        }
        let started = Date()
        let (checked, diagnostics) = await check(options, cache: cache, search: false)
        let checkedAt = Date()
        guard let handbook = checked.handbook, let templates = checked.templates, !diagnostics.hasErrors else {
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
        return await write(
            handbook, templates: templates, configPath: checked.configPath, diagnostics: diagnostics, options: options,
            output: output, cache: cache, rebuilding: cache, started: started, checkedAt: checkedAt,
            steps: ("load, parse what changed, resolve", "render what changed and write")
        ) { _, _, _ in [] }
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
            let made = try EditionsStep.editions(
                wanted, site.handbook, templates: site.templates, content: site.content, search: search, siteFolder: folder.path)
            let downloads = try EditionsStep.run(made, into: folder, written: { cache.written($0, downloads: nil) })
            if let downloads { cache.written(.offline, downloads: downloads) }
        } catch {
            cache.forgetOutput()
            diagnostics.append(writeFailure(error, output: output, inPlace: true))
        }
        return diagnostics
    }

    /// Every step short of writing, and every diagnostic a build would report (`handbook check`
    /// prints them). With `search` false, the search index (and its size warning) is left for later.
    public static func check(
        _ options: BuildOptions, cache: BuildCache? = nil, search buildSearch: Bool = true
    ) async -> (CheckedHandbook, [Diagnostic]) {
        let templatesTask = Task { cache?.templates(folder: options.templates) ?? TemplateSet.load(folder: options.templates) }
        var (loaded, diagnostics) = LoadStep.run(contentFolder: options.content)
        if options.draft {
            loaded.config?.draft = true
            loaded.config?.brokenLinksAreWarnings = true
        }
        let inventory = loaded.inventory

        let allowRawHTML = loaded.config?.allowRawHTML ?? false
        let grammar = loaded.config?.ruleGrammar ?? .standard
        let (chapters, chapterProblems) = await ParseStep.run(
            inventory.chapters, kind: .chapter, allowRawHTML: allowRawHTML, grammar: grammar, cache: cache)
        let (tipLists, tipProblems) = await ParseStep.run(
            inventory.tipLists, kind: .tipList, allowRawHTML: allowRawHTML, grammar: grammar, cache: cache)
        cache?.keepParsedPages(at: Set((inventory.chapters + inventory.tipLists).map(\.path)))
        diagnostics += chapterProblems + tipProblems

        let (templates, templateProblems) = await templatesTask.value
        diagnostics += templateProblems

        var handbook: ResolvedHandbook?
        if let config = loaded.config {
            var (resolved, problems, memo) = ResolveStep.run(
                config: config, chapters: chapters, tipLists: tipLists, media: inventory.media, templates: templates,
                parts: inventory.parts, memo: cache?.takeResolveMemo(), remembering: cache != nil)
            cache?.keepResolveMemo(memo)
            diagnostics += problems
            diagnostics += CompareStep.run(&resolved, previousPath: options.previousEdition, inventory: inventory)
            handbook = resolved
        }

        var search: SearchFiles?
        if buildSearch, let handbook, !diagnostics.hasErrors {
            let problems: [Diagnostic]
            (search, problems) = IndexStep.run(handbook, configPath: inventory.configPath)
            diagnostics += problems
        }
        diagnostics = diagnostics.promotedToErrors(if: options.strict)
        return (
            CheckedHandbook(handbook: handbook, templates: templates, search: search, configPath: inventory.configPath),
            diagnostics.sortedForDisplay())
    }

    /// The one write path: with the output's lock held, renders the pages and writes the
    /// editions `editions` makes into a transaction, and commits it; on failure discards it and
    /// leaves the output as it was. `rebuilding` is the cache of the build whose output a rebuild
    /// brings up to date in place; nil for a whole build.
    private static func write(
        _ handbook: ResolvedHandbook, templates: TemplateSet, configPath: String, diagnostics: [Diagnostic],
        options: BuildOptions, output: OutputFolder, cache: BuildCache?, rebuilding: BuildCache? = nil, started: Date, checkedAt: Date,
        steps: (check: String, write: String),
        index: (@Sendable () async -> (SearchFiles?, [Diagnostic]))? = nil,
        editions: (RenderedContent, SiteFolder, SearchFiles?) throws -> [any Edition]
    ) async -> BuildReport {
        var diagnostics = diagnostics
        var transaction: SiteTransaction?
        do {
            // Only writing needs the output to itself; the lock is released when this block ends.
            let lock = try OutputLock(output: output) {
                options.waiting?("another build is writing \(DisplayPath.of(output.path)); waiting for it to finish")
            }
            defer { withExtendedLifetime(lock) {} }
            let current: SiteTransaction
            if let rebuilding {
                current = try .inPlace(output, writes: rebuilding.writes)
                rebuilding.writes.begin(.pages)
            } else {
                current = try .staged(output, writes: cache?.writes)
            }
            transaction = current
            let result = try await RenderStep.run(
                handbook, templates: templates, downloads: rebuilding?.downloads ?? DownloadSizes(),
                previous: rebuilding?.units, into: current.folder, progress: options.progress)
            var search: SearchFiles?
            if let index {
                let (files, found) = await index()
                search = files
                let problems = found.promotedToErrors(if: options.strict)
                diagnostics += problems
                if problems.hasErrors {
                    current.discard()
                    cache?.forgetOutput()
                    return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
                }
            }
            let downloads = try EditionsStep.run(
                try editions(result.content, current.folder, search), into: current.folder, progress: options.progress)
            try current.commit()
            cache?.store(
                units: result.units,
                site: .init(
                    output: output.path, handbook: handbook, templates: templates, content: result.content,
                    configPath: configPath, strict: options.strict, outOfDate: rebuilding != nil ? Set(SiteEdition.allCases) : []))
            if let downloads { cache?.written(.offline, downloads: downloads) }
            // The site's pages: the render step's and the editions' (the lists of all rules, print).
            let pages = result.pages + SiteEdition.allCases.reduce(0) { $0 + $1.pages }
            var summary = BuildSummary(
                pages: pages, chapters: handbook.chapters.count, rules: handbook.rules.count,
                tips: handbook.tipLists.reduce(0) { $0 + $1.anchors.tips.count },
                seconds: Date().timeIntervalSince(started), output: DisplayPath.of(output.path),
                steps: [
                    BuildSummary.Step(name: steps.check, seconds: checkedAt.timeIntervalSince(started)),
                    BuildSummary.Step(name: steps.write, seconds: Date().timeIntervalSince(checkedAt)),
                ])
            if let rebuilding {
                summary.rendered = result.rendered
                summary.filesWritten = rebuilding.writes.filesWritten
            }
            var report = BuildReport(
                diagnostics: diagnostics.sortedForDisplay(), pagesWritten: rebuilding != nil ? result.rendered : pages)
            report.summary = summary
            return report
        } catch {
            transaction?.discard()
            cache?.forgetOutput()
            diagnostics.append(writeFailure(error, output: output))
            return BuildReport(diagnostics: diagnostics.sortedForDisplay(), pagesWritten: 0)
        }
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
}
