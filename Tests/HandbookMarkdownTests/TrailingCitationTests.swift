import HandbookMarkdown
import Testing

@Suite("Markdown document: a tip's closing citation")
struct TrailingCitationTests {
    private func items(_ markdown: String) -> [DocumentOutline.ListItem] {
        MarkdownDocument(markdown: markdown, file: "tips.md", allowRawHTML: false, grammar: TestGrammar()).outline.listItems
    }

    @Test("identifiers in parentheses that end a top-level item, separated by commas, semicolons or and", arguments: [
        ("- **Do it.** Now. (AB-1)\n", ["AB-1"]),
        ("- Now (AB-1, CD-21)\n", ["AB-1", "CD-21"]),
        ("- Now ( AB-1; CD-2 and EF-3 )  \n", ["AB-1", "CD-2", "EF-3"]),
        ("- Now (AB-1, AB-1)\n", ["AB-1", "AB-1"]),
    ])
    func found(_ markdown: String, _ identifiers: [String]) throws {
        let citation = try #require(items(markdown).first?.trailingCitation)
        #expect(citation.identifiers == identifiers)
    }

    @Test("anything else in the parentheses, after them, or around the item keeps the text as written", arguments: [
        "- Now (see AB-1)\n", "- Now (AB-1) and later\n", "- Now (AB-1).\n", "- Now AB-1\n", "- Now (AB-1 or CD-2)\n",
        "- Now (AB-1)\n\n  A second paragraph.\n", "- Now (`AB-1`)\n", "- Now ([AB-1](#x))\n",
        "- Outer\n  - Inner (AB-1)\n", "Not a list (AB-1)\n",
        // Broken over lines, the citation is in several text nodes: left as written.
        "- Now (AB-1,\n  CD-2)\n",
    ])
    func notFound(_ markdown: String) {
        #expect(items(markdown).allSatisfy { $0.trailingCitation == nil })
    }

    @Test("rendered without it when the instructions drop it, the links before it untouched")
    func dropped() throws {
        let document = MarkdownDocument(
            markdown: "- Mind AB-1 here. (AB-1, CD-2)\n", file: "tips.md", allowRawHTML: false, grammar: TestGrammar())
        let citation = try #require(document.outline.listItems.first?.trailingCitation)
        var instructions = RenderInstructions()
        instructions.droppedTextEnds[citation.textNode] = citation.range.lowerBound
        let mention = try #require(document.outline.identifierTokens.first)
        instructions.identifierLinks[mention.textNode] = [.init(range: mention.range, markup: InlineMarkup(open: "<a>", close: "</a>"))]
        let rendered = document.render(instructions, listItems: true)
        #expect(rendered.listItems == ["Mind <a>AB-1</a> here."])
    }
}
