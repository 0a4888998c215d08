import Foundation
import HandbookMarkdown

enum PageParser {
    /// Reads and parses one page; nil when it cannot be read or has no usable front matter.
    static func parse(
        _ file: PageFile, kind: ParsedPage.Kind, allowRawHTML: Bool, grammar: RuleGrammar
    ) -> (ParsedPage?, [Diagnostic]) {
        let what = kind == .chapter ? "chapter" : "tip list"
        return switch SourceFileReader.read(file.source, maxBytes: InputLimits.markdownBytes, what: what) {
        case .success(let source): parse(source, file: file, kind: kind, allowRawHTML: allowRawHTML, grammar: grammar)
        case .failure(let diagnostic): (nil, [diagnostic])
        }
    }

    /// Parses a page from bytes already read.
    static func parse(
        _ file: PageFile, data: Data, kind: ParsedPage.Kind, allowRawHTML: Bool, grammar: RuleGrammar
    ) -> (ParsedPage?, [Diagnostic]) {
        switch SourceFileReader.decode(data, path: file.path, displayPath: DisplayPath.of(file.path)) {
        case .success(let source): parse(source, file: file, kind: kind, allowRawHTML: allowRawHTML, grammar: grammar)
        case .failure(let diagnostic): (nil, [diagnostic])
        }
    }

    private static func parse(
        _ source: SourceFile, file: PageFile, kind: ParsedPage.Kind, allowRawHTML: Bool, grammar: RuleGrammar
    ) -> (ParsedPage?, [Diagnostic]) {
        var (read, body, diagnostics) = PageFrontMatter.read(source, grammar: grammar)
        diagnostics += ForbiddenCharacters.problems(in: source)
        // Front matter that cannot be used is an error, and the build stops at it; but the page's
        // text is still parsed and its rules still defined, so that its own problems are all
        // reported in the same run and references to its rules from other pages are not
        // reported as unknown as well: one mistake, one error.
        guard let frontMatter = read ?? Self.standIn(for: file, body: body, diagnostics: diagnostics) else { return (nil, diagnostics) }
        let (bounded, costProblems) = MarkdownCost.check(body, file: source.displayPath)
        diagnostics += costProblems
        let document = MarkdownDocument(
            markdown: bounded, file: source.displayPath, allowRawHTML: allowRawHTML, grammar: RuleIdentifierGrammar(grammar: grammar))
        diagnostics += SyntaxDiagnostics.problems(in: document.outline)
        let page = ParsedPage(
            kind: kind, file: file, displayPath: source.displayPath, frontMatter: frontMatter,
            document: document, sourceDigest: source.text.hashValue)
        return (page, diagnostics)
    }

    /// The front matter a page whose own could not be read is parsed with: the file's slug as
    /// its title. Only when that is already an error and there is text to parse; such a page is
    /// never written, as the build stops at the error.
    private static func standIn(for file: PageFile, body: String, diagnostics: [Diagnostic]) -> PageFrontMatter? {
        guard diagnostics.hasErrors, !body.allSatisfy(\.isWhitespace) else { return nil }
        return PageFrontMatter(title: file.slug)
    }
}
