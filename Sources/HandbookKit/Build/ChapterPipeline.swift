import Foundation

/// The whole pipeline for one chapter given as bytes (its front matter and Markdown), beside a
/// fixed chapter that cites it and a fixed tip list: parse, resolve, render every page, and write
/// handbook.json and the search index. The fuzz target (`Tests/Fuzz`) runs it on each input; a
/// whole build would spend most of its time on archives and the disk.
public enum ChapterPipeline {
    public struct Output: Sendable {
        /// Every HTML file, by path in the site; empty when the input has errors.
        public var pages: [String: String] = [:]
        /// handbook.json and search-index.json.
        public var indexes: [String: Data] = [:]
        /// The diagnostics, as text and as JSON, as the command line prints them.
        public var diagnostics: [String] = []
    }

    private static let templates = TemplateSet.load(folder: nil).0
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

    /// Runs the pipeline with `scratch` as the site folder (it is written into, and emptied).
    public static func run(chapter: Data, scratch: String) async -> Output {
        var output = Output()
        let fuzzed = ContentInventory.PageFile(path: scratch + "/content/01-fuzzed.md", fileName: "01-fuzzed.md", slug: "fuzzed")
        let other = ContentInventory.PageFile(path: scratch + "/content/02-citing.md", fileName: "02-citing.md", slug: "citing")
        let list = ContentInventory.PageFile(path: scratch + "/content/tips.md", fileName: "tips.md", slug: "tips")
        var diagnostics: [Diagnostic] = []
        var chapters: [ParsedPage] = []
        for (file, data) in [(fuzzed, chapter), (other, citing)] {
            let (page, problems) = PageParser.parse(file, data: data, kind: .chapter, allowRawHTML: false)
            chapters += page.map { [$0] } ?? []
            diagnostics += problems
        }
        let (tipList, tipProblems) = PageParser.parse(list, data: tips, kind: .tipList, allowRawHTML: false)
        diagnostics += tipProblems
        var (handbook, problems) = Resolver.resolve(
            config: HandbookConfig(title: "Fuzz", edition: "1"), chapters: chapters, tipLists: tipList.map { [$0] } ?? [],
            media: [])
        handbook.history = EditionHistory()
        diagnostics += problems
        output.diagnostics = [DiagnosticFormat.text(diagnostics.sortedForDisplay(), colour: false), DiagnosticFormat.json(diagnostics)]
        guard !diagnostics.hasErrors, let templates else { return output }

        let folder = SiteFolder(path: scratch + "/site")
        defer { folder.remove() }
        do {
            try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
            let result = try await SiteRenderer(handbook: handbook, templates: templates).renderPages(into: folder)
            for unit in result.units.values {
                for path in unit.files where path.hasSuffix(".html") {
                    output.pages[path] = try String(contentsOfFile: folder.path + "/" + path, encoding: .utf8)
                }
            }
            output.pages[SitePaths.print] = PrintEdition.render(handbook, content: result.content, templates: templates)
            output.indexes[SitePaths.handbookIndex] = try HandbookIndex(handbook, content: result.content).encoded()
            output.indexes[SitePaths.searchIndexJSON] = try SearchFiles(handbook).json
        } catch {
            output.diagnostics.append("could not render: \(error)")
        }
        return output
    }
}
