import Foundation
import HandbookKit
import HandbookMarkdown

/// The whole pipeline for one chapter given as bytes (its front matter and Markdown), beside a
/// fixed chapter that cites it and a fixed tip list: parse, resolve, compare with a previous
/// edition's record, render every page, and write handbook.json, the search index and the
/// service worker. The fuzz target (`Tests/Fuzz`) runs it on each input; a whole build would
/// spend most of its time on archives and the disk.
///
/// An input may also carry the handbook.yml and the previous edition's record (handbook.json)
/// to use, each after a line of its own, `<<<handbook.yml>>>` or `<<<previous>>>`:
/// the chapter comes first, then either or both, in that order.
public enum ChapterPipeline {
    /// An input split into its parts.
    public struct Input: Sendable {
        public var chapter: Data
        public var config: Data?
        public var previous: Data?

        static let configMarker = Data("\n<<<handbook.yml>>>\n".utf8)
        static let previousMarker = Data("\n<<<previous>>>\n".utf8)

        public init(_ data: Data) {
            var rest = data
            if let marker = rest.range(of: Self.previousMarker) {
                previous = rest[marker.upperBound...]
                rest = rest[..<marker.lowerBound]
            }
            if let marker = rest.range(of: Self.configMarker) {
                config = rest[marker.upperBound...]
                rest = rest[..<marker.lowerBound]
            }
            chapter = Data(rest)
        }
    }

    public struct Output: Sendable {
        /// Every HTML file, by path in the site; empty when the input has errors.
        public var pages: [String: String] = [:]
        /// handbook.json and search-index.json.
        public var indexes: [String: Data] = [:]
        /// search-index.js and sw.js.
        public var scripts: [String: String] = [:]
        /// The settings read from the input's handbook.yml, when it was read.
        public var config: HandbookConfig?
        /// Files written outside the site folder: there must never be any.
        public var strayFiles: [String] = []
        /// Set when rendering failed without a diagnostic, which must never happen.
        public var failure: String?
        /// The diagnostics, as text and as JSON, as the command line prints them.
        public var diagnostics: [String] = []
    }

    private static let templates = TemplateSet.load(folder: nil).0

    /// The search index could not be built.
    private struct IndexFailure: Error {
        var diagnostics: [Diagnostic]
    }
    private static let citing = Data("""
        ---
        title: Citing
        summary: A chapter that cites the fuzzed one.
        ---

        ## CITE-1 Cite the fuzzed rules

        FUZZ-1 and FUZZ-2, when the fuzzed chapter has them, are linked; see also [CITE-2](rule:CITE-2).

        ## CITE-2 A rule of this chapter

        Text with *emphasis* and a [link to the fuzzed chapter](01-fuzzed.md).
        """.utf8)
    private static let tips = Data("""
        ---
        title: Tips
        ---

        - A tip citing FUZZ-1 and CITE-1.
        - Another tip.
        """.utf8)

    private static let defaultConfig = Data("title: Fuzz\nedition: \"1\"\n".utf8)

    /// Runs the pipeline with `scratch` as the site folder (it is written into, and emptied).
    public static func run(_ input: Input, scratch: String) async -> Output {
        var output = Output()
        let chapter = input.chapter
        let fuzzed = PageFile(path: scratch + "/content/01-fuzzed.md", fileName: "01-fuzzed.md", slug: "fuzzed")
        let other = PageFile(path: scratch + "/content/02-citing.md", fileName: "02-citing.md", slug: "citing")
        let list = PageFile(path: scratch + "/content/tips.md", fileName: "tips.md", slug: "tips")
        var diagnostics: [Diagnostic] = []
        var chapters: [ParsedPage] = []
        for (file, data) in [(fuzzed, chapter), (other, citing)] {
            let (page, problems) = ParseStep.page(file, data: data, kind: .chapter, allowRawHTML: false)
            chapters += page.map { [$0] } ?? []
            diagnostics += problems
        }
        let (tipList, tipProblems) = ParseStep.page(list, data: tips, kind: .tipList, allowRawHTML: false)
        diagnostics += tipProblems
        let (config, configProblems) = LoadStep.config(
            input.config ?? defaultConfig, path: scratch + "/content/handbook.yml", displayPath: "handbook.yml")
        diagnostics += configProblems
        guard let config else {
            output.diagnostics = [DiagnosticFormat.text(diagnostics.sortedForDisplay(), colour: false), DiagnosticFormat.json(diagnostics)]
            return output
        }
        var (handbook, problems, _) = ResolveStep.run(
            config: config, chapters: chapters, tipLists: tipList.map { [$0] } ?? [], media: [], templates: templates)
        diagnostics += problems
        diagnostics += CompareStep.run(&handbook, record: input.previous, file: SourceLocation(file: "editions/previous.json"))
        output.diagnostics = [DiagnosticFormat.text(diagnostics.sortedForDisplay(), colour: false), DiagnosticFormat.json(diagnostics)]
        guard !diagnostics.hasErrors, let templates else { return output }

        let folder = SiteFolder(path: scratch + "/site")
        defer { folder.remove() }
        do {
            try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
            let result = try await RenderStep.run(
                handbook, templates: templates, downloads: DownloadSizes(), previous: nil, into: folder, progress: nil)
            for unit in result.units.values {
                for path in unit.files where path.hasSuffix(".html") {
                    output.pages[path] = try String(contentsOfFile: folder.path + "/" + path, encoding: .utf8)
                }
            }
            output.pages[SiteLayout.print] = PrintEdition(handbook: handbook, content: result.content, templates: templates).make()
            output.indexes[SiteLayout.handbookIndex] = try Data(contentsOf: URL(fileURLWithPath: IndexEdition(handbook: handbook, content: result.content, siteFolder: folder.path).make()))
            let (search, searchProblems) = IndexStep.run(handbook, configPath: scratch + "/content/handbook.yml")
            guard let search else { throw IndexFailure(diagnostics: searchProblems) }
            output.indexes[SiteLayout.searchIndexJSON] = search.json
            output.scripts[SiteLayout.searchIndexScript] = String(decoding: search.script, as: UTF8.self)
            try ServiceWorker.write(into: folder, templates: templates)
            output.scripts[SiteLayout.serviceWorker] = try String(contentsOfFile: folder.path + "/" + SiteLayout.serviceWorker, encoding: .utf8)
            output.config = handbook.config
        } catch {
            output.failure = "could not render: \(error)"
        }
        // Anything but the site folder and the content it names is a write that escaped.
        output.strayFiles = ((try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []).filter { $0 != "site" }
        for stray in output.strayFiles { try? FileManager.default.removeItem(atPath: scratch + "/" + stray) }
        return output
    }
}
