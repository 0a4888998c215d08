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
        var (frontMatter, body, diagnostics) = PageFrontMatter.read(source, grammar: grammar)
        diagnostics += ForbiddenCharacters.problems(in: source)
        guard let frontMatter else { return (nil, diagnostics) }
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
}
