import Foundation
import HandbookMarkdown

/// A chapter or tip list, read and parsed, ready to be resolved against the rest of the handbook.
struct ParsedPage: Sendable {
    enum Kind: String, Sendable {
        case chapter
        case tipList
    }

    var kind: Kind
    var file: ContentInventory.PageFile
    var displayPath: String
    var frontMatter: PageFrontMatter
    var document: MarkdownDocument
    var outline: DocumentOutline { document.outline }
    /// Changes whenever the file's text does: part of the keys of the pages made from it.
    var sourceDigest: Int

    var slug: String { file.slug }

    /// The page's path in the output, from the site root.
    var outputPath: String {
        switch kind {
        case .chapter: "chapters/\(slug).html"
        case .tipList: "tips/\(slug).html"
        }
    }

    /// The page's source path from the content root, as links between pages are written.
    var contentPath: String {
        switch kind {
        case .chapter: "chapters/\(file.fileName)"
        case .tipList: "tips/\(file.fileName)"
        }
    }
}

enum PageParser {
    /// Reads and parses one page; nil when it cannot be read or has no usable front matter.
    static func parse(
        _ file: ContentInventory.PageFile, kind: ParsedPage.Kind, allowRawHTML: Bool
    ) -> (ParsedPage?, [Diagnostic]) {
        let what = kind == .chapter ? "chapter" : "tip list"
        return switch SourceFileReader.read(file.source, maxBytes: InputLimits.markdownBytes, what: what) {
        case .success(let source): parse(source, file: file, kind: kind, allowRawHTML: allowRawHTML)
        case .failure(let diagnostic): (nil, [diagnostic])
        }
    }

    /// Parses a page from bytes already read.
    static func parse(
        _ file: ContentInventory.PageFile, data: Data, kind: ParsedPage.Kind, allowRawHTML: Bool
    ) -> (ParsedPage?, [Diagnostic]) {
        switch SourceFileReader.decode(data, path: file.path, displayPath: DisplayPath.of(file.path)) {
        case .success(let source): parse(source, file: file, kind: kind, allowRawHTML: allowRawHTML)
        case .failure(let diagnostic): (nil, [diagnostic])
        }
    }

    private static func parse(
        _ source: SourceFile, file: ContentInventory.PageFile, kind: ParsedPage.Kind, allowRawHTML: Bool
    ) -> (ParsedPage?, [Diagnostic]) {
        var (frontMatter, body, diagnostics) = PageFrontMatter.read(source)
        diagnostics += ForbiddenCharacters.problems(in: source)
        guard let frontMatter else { return (nil, diagnostics) }
        let (bounded, costProblems) = MarkdownCost.check(body, file: source.displayPath)
        diagnostics += costProblems
        let document = MarkdownDocument(
            markdown: bounded, file: source.displayPath, allowRawHTML: allowRawHTML, grammar: RuleIdentifierGrammar())
        let page = ParsedPage(
            kind: kind, file: file, displayPath: source.displayPath, frontMatter: frontMatter,
            document: document, sourceDigest: source.text.hashValue)
        return (page, diagnostics)
    }
}
