import HandbookMarkdown
import Testing

/// The test grammar with identifiers at the end of rule headings, refusing lower-case ones.
private struct EndGrammar: IdentifierGrammar {
    func identifierLength(atStartOf bytes: [UInt8]) -> Int? { TestGrammar().identifierLength(atStartOf: bytes) }
    func identifierTokens(in text: String) -> [(range: Range<Int>, identifier: String)] { TestGrammar().identifierTokens(in: text) }
    var identifierAtEnd: Bool { true }
    func refuses(_ word: [UInt8]) -> Bool { word.first.map { (97...122).contains($0) } ?? false }
}

@Suite("Markdown document: where a rule heading has its identifier")
struct IdentifierPositionTests {
    @Test("an identifier at the end, in parentheses, makes a rule; the title is the rest")
    func atTheEnd() throws {
        let document = MarkdownDocument(
            markdown: "## Do *this* well (AB-1)\n\n## AB-2 At the start\n\n## Glued(AB-3)\n\n## Lower (ab-4)\n",
            file: "page.md", allowRawHTML: false, grammar: EndGrammar())
        let headings = document.outline.headings
        let rule = try #require(headings[0].rule)
        #expect(rule.identifier == "AB-1")
        #expect(rule.title == "Do this well")
        #expect(rule.suffixByteCount == " (AB-1)".utf8.count)
        #expect(headings[1].rule == nil, "with identifiers at the end, one at the start is not a rule")
        #expect(headings[2].rule?.title == "Glued")
        #expect(headings[3].rule == nil)
        #expect(headings[3].refusedIdentifier == "ab-4")

        var instructions = RenderInstructions()
        instructions.headings[0] = .init(open: "<h2>[AB-1] ", close: "</h2>", dropSuffixBytes: rule.suffixByteCount)
        let html = document.render(instructions).blocks[0]
        #expect(html == "<h2>[AB-1] Do <em>this</em> well</h2>\n")
    }

    @Test("at the start, a first word the grammar refuses is recorded, and the heading is no rule")
    func refusedAtTheStart() {
        struct Refusing: IdentifierGrammar {
            func identifierLength(atStartOf bytes: [UInt8]) -> Int? { TestGrammar().identifierLength(atStartOf: bytes) }
            func identifierTokens(in text: String) -> [(range: Range<Int>, identifier: String)] { [] }
            func refuses(_ word: [UInt8]) -> Bool { word.contains(UInt8(ascii: "-")) }
        }
        let outline = MarkdownDocument(
            markdown: "## ab-1 Lower case\n\n## AB-2 Fine\n\n### x-y z\n", file: "page.md", allowRawHTML: false, grammar: Refusing()).outline
        #expect(outline.headings.map(\.refusedIdentifier) == ["ab-1", nil, "x-y"])
        #expect(outline.headings[1].rule?.identifier == "AB-2")
    }
}
