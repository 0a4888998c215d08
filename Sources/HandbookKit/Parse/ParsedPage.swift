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
    var outline: DocumentOutline

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
        let source: SourceFile
        switch SourceFileReader.read(path: file.path) {
        case .success(let read): source = read
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let (frontMatter, body, diagnostics) = PageFrontMatter.read(source)
        guard let frontMatter else { return (nil, diagnostics) }
        let document = MarkdownDocument(markdown: body, file: source.displayPath, allowRawHTML: allowRawHTML)
        let page = ParsedPage(
            kind: kind, file: file, displayPath: source.displayPath, frontMatter: frontMatter,
            document: document, outline: document.outline())
        return (page, diagnostics)
    }
}
