import Foundation
import Synchronization

/// What one build leaves for the next in the same process, so that `handbook serve` redoes only
/// what a change affects: the parsed pages by file, the templates, the resolved pages, the
/// rendered units with their keys, what the output folder holds, and what its editions are
/// made from.
public final class BuildCache: Sendable {
    struct ParsedFile: Sendable {
        var data: Data
        /// The file as it was before `data` was read from it: while it is still so, it is not
        /// read again. Taken before reading, so that a write during the read leaves it out of date.
        var stamp: FileStamp?
        var kind: ParsedPage.Kind
        var allowRawHTML: Bool
        var grammar: RuleGrammar
        var page: ParsedPage?
        var diagnostics: [Diagnostic]
    }

    /// The last good build, as far as the editions need it.
    struct Site: Sendable {
        var output: String
        var handbook: ResolvedHandbook
        var templates: TemplateSet
        var content: RenderedContent
        var configPath: String
        var strict: Bool
        var outOfDate: Set<SiteEdition>
    }

    private struct State {
        var files: [String: ParsedFile] = [:]
        var units: [SiteRenderer.Unit: SiteRenderer.UnitRecord] = [:]
        var site: Site?
        var resolveMemo: ResolveMemo?
        var templates: (files: TemplateFiles, loaded: (TemplateSet?, [Diagnostic]))?
        var downloads = DownloadSizes()
        /// The output of earlier builds, until `store` lets it go.
        var retired: [(units: [SiteRenderer.Unit: SiteRenderer.UnitRecord], site: Site?)] = []
    }

    private let state = Mutex(State())
    let writes = WriteLog()

    public init() {}

    /// The page parsed in an earlier build, with the same settings, from the file as it is now.
    func parsedPage(at path: String, stamp: FileStamp, kind: ParsedPage.Kind, allowRawHTML: Bool, grammar: RuleGrammar) -> ParsedFile? {
        state.withLock { state in
            guard let file = state.files[path], file.stamp == stamp, file.kind == kind, file.allowRawHTML == allowRawHTML,
                file.grammar == grammar
            else { return nil }
            return file
        }
    }

    /// The page parsed from exactly these bytes, with the same settings, in an earlier build;
    /// `stamp`, taken before they were read, is kept for it (a file saved unchanged is then not
    /// read again either).
    func parsedPage(
        at path: String, data: Data, stamp: FileStamp?, kind: ParsedPage.Kind, allowRawHTML: Bool, grammar: RuleGrammar
    ) -> ParsedFile? {
        state.withLock { state in
            guard let file = state.files[path], file.kind == kind, file.allowRawHTML == allowRawHTML,
                file.grammar == grammar, file.data == data
            else { return nil }
            state.files[path]?.stamp = stamp
            return file
        }
    }

    func storeParsedPage(_ file: ParsedFile, at path: String) {
        state.withLock { $0.files[path] = file }
    }

    /// Forgets the parsed files that are no longer in the content folder.
    func keepParsedPages(at paths: Set<String>) {
        state.withLock { state in state.files = state.files.filter { paths.contains($0.key) } }
    }

    /// The pages the last build resolved, whether or not it then failed: each is checked
    /// against the rules before it is used again (`ResolveMemo`). Taken out for the resolve,
    /// which changes it in place and gives it back (`keepResolveMemo`).
    func takeResolveMemo() -> ResolveMemo? {
        state.withLock { state in
            defer { state.resolveMemo = nil }
            return state.resolveMemo
        }
    }

    func keepResolveMemo(_ memo: ResolveMemo) {
        state.withLock { $0.resolveMemo = memo }
    }

    /// The templates in `folder` (nil: the built-in ones): those of the last build when their
    /// bytes are the same, since parsing them all took 3 % of the CPU time of a rebuild.
    func templates(folder: String?) -> (TemplateSet?, [Diagnostic]) {
        let files: TemplateFiles
        switch TemplateSet.files(folder: folder) {
        case .success(let read): files = read
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        if let kept = state.withLock({ $0.templates }), kept.files == files { return kept.loaded }
        let loaded = TemplateSet.load(files)
        state.withLock { $0.templates = (files, loaded) }
        return loaded
    }

    var units: [SiteRenderer.Unit: SiteRenderer.UnitRecord] { state.withLock { $0.units } }
    var site: Site? { state.withLock { $0.site } }

    /// True when the last build's pages are newer than some of its editions.
    public var editionsOutOfDate: Bool {
        !(site?.outOfDate.isEmpty ?? true)
    }
    var downloads: DownloadSizes { state.withLock { $0.downloads } }

    /// The output of the last good build. The one before is let go on a thread of its own:
    /// freeing a thousand chapters' model and pages takes tens of milliseconds, which the open
    /// pages would wait for before being told to reload.
    func store(units: [SiteRenderer.Unit: SiteRenderer.UnitRecord], site: Site) {
        state.withLock { state in
            state.retired.append((state.units, state.site))
            state.units = units
            state.site = site
        }
        Task.detached(priority: .background) { [self] in
            // Taken out under the lock, freed outside it.
            let retired = state.withLock { state in
                defer { state.retired = [] }
                return state.retired
            }
            withExtendedLifetime(retired) {}
        }
    }

    /// Where the last good build wrote, without holding on to its model.
    var output: String? { state.withLock { $0.site?.output } }

    func written(_ edition: SiteEdition, downloads: DownloadSizes?) {
        state.withLock { state in
            if let downloads { state.downloads = downloads }
            state.site?.outOfDate.remove(edition)
        }
    }

    /// After a failure while writing, nothing is known about the output folder any more: the
    /// next build writes it whole.
    func forgetOutput() {
        state.withLock { state in
            state.units = [:]
            state.site = nil
        }
        writes.reset()
    }
}
