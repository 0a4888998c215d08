/// One Markdown document, parsed by cmark: an immutable value.
///
/// The cmark tree never outlives a call: the outline is read while the document is made, and
/// each rendering parses the text again, applies the instructions to that tree of its own and
/// frees it. So a document is safe to share between tasks and to keep for a later build
/// (`handbook serve`), and rendering it twice gives the same result.
public struct MarkdownDocument: Sendable {
    public let markdown: String
    public let allowRawHTML: Bool
    /// Headings, rules, links, identifiers, blocks and list items, numbered in document order.
    public let outline: DocumentOutline

    /// Parses `markdown`; `file` is the path diagnostics show, `grammar` says how rule
    /// identifiers are spelled.
    public init(markdown: String, file: String, allowRawHTML: Bool, grammar: some IdentifierGrammar) {
        self.markdown = markdown
        self.allowRawHTML = allowRawHTML
        let tree = CmarkTree(markdown: markdown, allowRawHTML: allowRawHTML)
        var outline = OutlineBuilder(tree: tree, file: file, grammar: grammar).outline()
        SyntaxScanner(tree: tree, file: file).scan(into: &outline)
        self.outline = outline
    }

    /// Renders each top-level block to HTML with `instructions` applied, and, for tip lists,
    /// the content of each top-level list item.
    public func render(_ instructions: RenderInstructions, listItems: Bool = false) -> RenderedDocument {
        let tree = CmarkTree(markdown: markdown, allowRawHTML: allowRawHTML)
        return InstructionRenderer(tree: tree).render(instructions, listItems: listItems)
    }
}
