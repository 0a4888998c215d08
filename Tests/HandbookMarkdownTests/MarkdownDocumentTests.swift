import HandbookMarkdown
import Testing

@Suite("Markdown document: outline and rendering")
struct MarkdownDocumentTests {
    private func document(_ markdown: String, allowRawHTML: Bool = false) -> MarkdownDocument {
        MarkdownDocument(markdown: markdown, file: "page.md", allowRawHTML: allowRawHTML, grammar: TestGrammar())
    }

    @Test("headings are numbered in document order; a top-level heading of level 2 to 4 that starts with an identifier is a rule")
    func headingsAndRules() throws {
        let outline = document("# Title\n\n## AB-1 Do this\n\n> ## AB-2 Quoted\n\n##### AB-3 Too deep\n\n## AB-4x glued\n").outline
        #expect(outline.headings.map(\.ordinal) == [0, 1, 2, 3, 4])
        #expect(outline.headings.map(\.level) == [1, 2, 2, 5, 2])
        let rule = try #require(outline.headings[1].rule)
        #expect(rule.identifier == "AB-1")
        #expect(rule.title == "Do this")
        #expect(rule.prefixByteCount == 5)
        #expect(outline.headings[2].rule == nil, "a heading inside a quote is not a rule")
        #expect(outline.headings[2].block == nil)
        #expect(outline.headings[3].rule == nil, "level 5 is not a rule level")
        #expect(outline.headings[4].rule == nil, "the identifier must be followed by a space")
        #expect(outline.headings[1].location == SourceLocation(file: "page.md", line: 3, column: 1))
    }

    @Test("identifiers in prose are found with their text node, byte range and column; not inside links or rule headings")
    func identifierTokens() {
        let outline = document("## AB-1 Title AB-9\n\nSee AB-2 and [AB-3](x.md), then AB-4.\n").outline
        #expect(outline.identifierTokens.map(\.identifier) == ["AB-2", "AB-4"])
        let first = outline.identifierTokens[0]
        #expect(first.range == 4..<8)
        #expect(first.location == SourceLocation(file: "page.md", line: 3, column: 5))
        #expect(first.block == 1)
    }

    @Test("links, list items with a bold lead, and change notes are outlined")
    func linksItemsAndNotes() {
        let outline = document("- **First tip** see [a](a.md)\n- second ![p](p.png \"T\")\n\n> Change note: reworded\n  for clarity\n").outline
        #expect(outline.listItems.map(\.lead) == ["First tip", nil])
        #expect(outline.links.map(\.url) == ["a.md", "p.png"])
        #expect(outline.links.map(\.isImage) == [false, true])
        #expect(outline.links.map(\.tip) == [0, 1])
        #expect(outline.links[1].title == "T")
        #expect(outline.changeNotes.map(\.text) == ["reworded for clarity"])
        #expect(outline.blocks.map(\.kind) == [.list, .changeNote])
    }

    @Test("rendering applies link, identifier and heading instructions, and hides blocks")
    func renderWithInstructions() {
        let page = document("## AB-1 Rule\n\nSee AB-2 and [](rule:AB-3) and [x](y.md).\n\n> hidden\n")
        var instructions = RenderInstructions()
        instructions.headings[0] = .init(open: "<h2 id=\"AB-1\">", close: "</h2>", dropPrefixBytes: 5)
        let tokens = page.outline.identifierTokens
        instructions.identifierLinks[tokens[0].textNode] = [.init(range: tokens[0].range, markup: .init(open: "<a class=\"r\">", close: "</a>"))]
        instructions.links[0] = .init(url: "#AB-3", whenEmpty: .init(markup: .init(open: "<a class=\"e\">", close: "</a>"), text: "AB-3"))
        instructions.links[1] = .init(url: "y.html", title: "Why")
        instructions.hiddenBlocks = [2]
        let rendered = page.render(instructions)
        #expect(rendered.blocks.count == 3)
        #expect(rendered.blocks[0] == "<h2 id=\"AB-1\">Rule</h2>\n")
        #expect(rendered.blocks[1] == "<p>See <a class=\"r\">AB-2</a> and <a class=\"e\">AB-3</a> and <a href=\"y.html\" title=\"Why\">x</a>.</p>\n")
        #expect(rendered.blocks[2] == "")
    }

    @Test("an unlinked link becomes its own text, emphasis and all, or the replacement text when it has none")
    func unlinked() {
        let page = document("See [the *new* form](missing.md), ![a chart](gone.png) and [](rule:X-9).\n")
        var instructions = RenderInstructions()
        let markup = InlineMarkup(open: "<span class=\"b\">", close: "</span>")
        instructions.links[0] = .init(unlinked: .init(markup: markup, text: "missing.md"))
        instructions.links[1] = .init(unlinked: .init(markup: markup, text: "gone.png"))
        instructions.links[2] = .init(unlinked: .init(markup: markup, text: "rule:X-9"))
        let html = page.render(instructions).blocks[0]
        #expect(html == "<p>See <span class=\"b\">the <em>new</em> form</span>, <span class=\"b\">a chart</span> and <span class=\"b\">rule:X-9</span>.</p>\n")
    }

    @Test("a document rendered twice gives the same HTML: rendering changes no shared state")
    func renderTwice() {
        let page = document("# Title\n\nSee [x](y.md) and *this*.\n")
        var instructions = RenderInstructions()
        instructions.links[0] = .init(url: "../z.html")
        let first = page.render(instructions)
        let second = page.render(instructions)
        #expect(first.blocks == second.blocks)
        #expect(first.blocks.joined().contains("href=\"../z.html\""))
        #expect(page.render(RenderInstructions()).blocks.joined().contains("href=\"y.md\""))
    }

    @Test("list items are rendered on their own for tip lists")
    func listItems() {
        let rendered = document("- one\n- **two**\n").render(RenderInstructions(), listItems: true)
        #expect(rendered.listItems == ["one", "<strong>two</strong>"], "a tight list item renders without its paragraph")
    }

    @Test("raw HTML is dropped unless allowed")
    func rawHTML() {
        #expect(!document("<b>bold</b>\n").render(RenderInstructions()).blocks.joined().contains("<b>"))
        #expect(document("<b>bold</b>\n", allowRawHTML: true).render(RenderInstructions()).blocks.joined().contains("<b>bold</b>"))
    }

    @Test("plain text joins text and code, shows an empty rule link's identifier, and drops markup")
    func plainText() {
        let outline = document("Some *em* `code` [](rule:AB-7)\nnext\n").outline
        #expect(outline.blocks[0].plainText == "Some em code AB-7 next")
    }

    @Test("plain text is trimmed of white space of every kind at its ends, and kept within")
    func plainTextTrimmed() {
        #expect(document("\u{00A0}Non\u{00A0}breaking\u{3000}\n").outline.blocks[0].plainText == "Non\u{00A0}breaking")
        #expect(document("Été *là*\u{2028}\n").outline.blocks[0].plainText == "Été là")
        #expect(document("```\n  code  \n```\n").outline.blocks[0].plainText == "code")
        #expect(document("\u{00A0}\n").outline.blocks.first?.plainText ?? "" == "")
    }

    @Test("a change note is a block quote that starts with the label, in any case, bold or not")
    func changeNoteLabel() {
        #expect(ChangeNoteLabel.text(after: "Change note: Now covers  codes.") == "Now covers codes.")
        #expect(ChangeNoteLabel.text(after: "CHANGE NOTE:why") == "why")
        #expect(ChangeNoteLabel.text(after: "Change note:") == "")
        #expect(ChangeNoteLabel.text(after: "A note on change: no") == nil)
        let outline = document("> **Change note:** Bold label.\n\n> Change notes are quotes.\n").outline
        #expect(outline.changeNotes.map(\.text) == ["Bold label."])
        #expect(outline.blocks.map(\.kind) == [.changeNote, .other])
    }
}
