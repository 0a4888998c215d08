import Foundation
import Testing
@testable import HandbookKit

/// A handbook made in memory for the unit suites of the stages after parsing: handbook.yml, the
/// chapters and the tip lists given as text, read by `LoadStep.config`, parsed by
/// `PageParser.parse` (with the handbook's identifier grammar) and resolved by `ResolveStep`, as a build does, without touching the disk.
struct MemoryHandbook {
    /// A file's name in its folder (`01-first.md`) and its whole text, front matter included.
    typealias Page = (fileName: String, text: String)

    var config = "title: Test handbook\nedition: \"1\"\n"
    var chapters: [Page]
    var tipLists: [Page] = []
    /// Paths below `media/`; the files are named, not read.
    var media: [String] = []

    /// The default templates, built into the tool, loaded once for every suite.
    static let builtInTemplates = TemplateSet.load(folder: nil).0

    static func templates() throws -> TemplateSet {
        try #require(builtInTemplates, "the built-in templates load (run `make templates`)")
    }

    /// A page's text: front matter with `title`, then `body`.
    static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\nsummary: About \(title.lowercased()).\n---\n\n\(body)"
    }

    /// Parses one page, as `chapters/NAME` or `tips/NAME`, and requires that it parsed.
    static func parse(_ page: Page, kind: ParsedPage.Kind, grammar: RuleGrammar = .standard) throws -> ParsedPage {
        let folder = kind == .chapter ? "chapters" : "tips"
        let slug = ContentInventory.chapterName(page.fileName)?.1 ?? String(page.fileName.dropLast(3))
        let file = PageFile(path: "\(folder)/\(page.fileName)", fileName: page.fileName, slug: slug)
        let (parsed, diagnostics) = PageParser.parse(file, data: Data(page.text.utf8), kind: kind, allowRawHTML: false, grammar: grammar)
        return try #require(parsed, "\(folder)/\(page.fileName) parses: \(diagnostics)")
    }

    /// The handbook resolved, and what resolving it reported. With `templates`, the ids they
    /// write are reserved, as in a build.
    func resolve(templates: TemplateSet? = nil) throws -> (ResolvedHandbook, [Diagnostic]) {
        let (handbook, diagnostics, _) = try resolve(templates: templates, memo: nil)
        return (handbook, diagnostics)
    }

    /// The same, with the memo of an earlier resolution, as `serve` resolves; and the memo for
    /// the next.
    func resolve(templates: TemplateSet? = nil, memo: ResolveMemo?, remembering: Bool = true) throws -> (ResolvedHandbook, [Diagnostic], ResolveMemo) {
        let loaded = try self.loaded()
        return ResolveStep.run(
            config: loaded.config, chapters: loaded.chapters, tipLists: loaded.tipLists,
            media: loaded.media, templates: templates, memo: memo, remembering: remembering)
    }

    /// The settings read and the pages parsed, as the resolve step is given them.
    func loaded() throws -> (config: HandbookConfig, chapters: [ParsedPage], tipLists: [ParsedPage], media: [MediaFile]) {
        let (config, problems) = LoadStep.config(Data(config.utf8), path: "handbook.yml", displayPath: "handbook.yml")
        let settings = try #require(config, "handbook.yml is usable: \(problems)")
        return (
            settings, try chapters.map { try Self.parse($0, kind: .chapter, grammar: settings.ruleGrammar) },
            try tipLists.map { try Self.parse($0, kind: .tipList, grammar: settings.ruleGrammar) },
            media.map { MediaFile(path: "media/" + $0, relativePath: $0) })
    }

    /// The resolved handbook, which must have resolved without an error.
    func resolved(templates: TemplateSet? = nil) throws -> ResolvedHandbook {
        let (handbook, diagnostics) = try resolve(templates: templates)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return handbook
    }

    /// A page's content as the site shows it: its Markdown rendered with what resolving changed.
    static func html(of page: ResolvedPage) -> String {
        page.page.document.render(page.instructions).blocks.joined()
    }
}
