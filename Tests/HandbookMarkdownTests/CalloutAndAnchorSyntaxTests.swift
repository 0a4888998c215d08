import HandbookMarkdown
import Testing

@Suite("Markdown document: callouts, explicit anchors and unsupported constructs")
struct CalloutAndAnchorSyntaxTests {
    private func document(_ markdown: String, allowRawHTML: Bool = false) -> MarkdownDocument {
        MarkdownDocument(markdown: markdown, file: "page.md", allowRawHTML: allowRawHTML, grammar: TestGrammar())
    }

    @Test("each of the five markers, in any case, alone on its line, makes a callout; others stay quotes")
    func calloutMarkers() {
        let page = document("""
            > [!NOTE]
            > A note.

            > [!tip]
            > A tip.

            > [!IMPORTANT]
            > [!WARNING]
            > [!CAUTION]

            > [!DANGER]
            > Not a kind.

            > [!NOTE] Text on the marker's line.

            > Just a quote.
            """)
        let callouts = page.outline.callouts
        #expect(callouts.map(\.marker) == ["NOTE", "tip", "IMPORTANT", "DANGER", "NOTE"])
        #expect(callouts.map(\.kind) == [.note, .tip, .important, nil, .note])
        #expect(callouts.map(\.aloneOnLine) == [true, true, true, true, false])
        #expect(callouts.map(\.location.line) == [1, 4, 7, 11, 14])

        let html = page.render(RenderInstructions()).blocks
        #expect(html[0] == "<div class=\"callout callout-note\" role=\"note\" aria-label=\"Note\">\n<p class=\"callout-title\">Note</p>\n<p>A note.</p>\n</div>\n")
        #expect(html[1].hasPrefix("<div class=\"callout callout-tip\" role=\"note\" aria-label=\"Tip\">\n<p class=\"callout-title\">Tip</p>\n"))
        // The rest of the first line's paragraph is the next marker, as text: only the first counts.
        #expect(html[2].contains("callout-important") && html[2].contains("<p>[!WARNING]\n[!CAUTION]</p>"))
        #expect(html[3] == "<blockquote>\n<p>[!DANGER]\nNot a kind.</p>\n</blockquote>\n")
        #expect(html[4] == "<blockquote>\n<p>[!NOTE] Text on the marker's line.</p>\n</blockquote>\n")
        #expect(html[5] == "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n")
    }

    @Test("in plain text (search, handbook.json's text) a callout's marker reads as its title")
    func calloutPlainText() {
        let outline = document("> [!CAUTION]\n> Mind the step.\n\n> [!DANGER]\n> Kept.\n\n- > [!TIP]\n  > Nested.\n").outline
        #expect(outline.blocks.map(\.plainText) == ["Caution: Mind the step.", "[!DANGER] Kept.", "Tip: Nested."])
    }

    @Test("a callout keeps its blocks, nested callouts too, and its identifiers are still linked")
    func calloutContent() {
        let page = document("> [!WARNING]\n>\n> See AB-1.\n>\n> - one\n>\n> > [!TIP]\n> > Inner.\n")
        var instructions = RenderInstructions()
        let token = page.outline.identifierTokens[0]
        instructions.identifierLinks[token.textNode] = [.init(range: token.range, markup: .init(open: "<a>", close: "</a>"))]
        let html = page.render(instructions).blocks.joined()
        #expect(html.contains("<p>See <a>AB-1</a>.</p>"))
        #expect(html.contains("<ul>\n<li>one</li>\n</ul>"))
        #expect(html.contains("<div class=\"callout callout-tip\""))
        #expect(!html.contains("[!"))
        #expect(!html.contains("blockquote"))
    }

    @Test("a change note is no callout, and a callout is no change note")
    func changeNotes() {
        let outline = document("> Change note: reworded.\n\n> [!NOTE]\n> Change note: not this one.\n").outline
        #expect(outline.changeNotes.count == 1)
        #expect(outline.callouts.count == 1)
    }

    @Test("`{#name}` at a heading's end is its explicit anchor, left out of its text, its rule's title and its HTML")
    func explicitAnchors() throws {
        let page = document("## Plain *title* {#my-anchor}\n\n## AB-1 Rule title {#old.rule}\n\n### Deeper {#3bad}\n\n## Not {#one} here\n\n## AB-9 {#only}\n")
        let headings = page.outline.headings
        #expect(headings.map(\.explicitAnchor?.name) == ["my-anchor", "old.rule", "3bad", nil, "only"])
        #expect(headings.map(\.text) == ["Plain title", "AB-1 Rule title", "Deeper", "Not {#one} here", "AB-9"])
        #expect(headings[1].rule?.title == "Rule title")
        #expect(headings[4].rule?.title == "", "the anchor is not the rule's title")
        #expect(headings[0].explicitAnchor?.location == SourceLocation(file: "page.md", line: 1, column: 18))
        #expect(headings[2].explicitAnchor?.location == SourceLocation(file: "page.md", line: 5, column: 12))

        var instructions = RenderInstructions()
        instructions.headings[0] = .init(open: "<h2 id=\"my-anchor\">", close: "</h2>")
        instructions.headings[1] = .init(open: "<h2 id=\"AB-1\">", close: "</h2>", dropPrefixBytes: 5)
        instructions.headings[4] = .init(open: "<h2 id=\"AB-9\">", close: "</h2>", dropPrefixBytes: 5)
        let html = page.render(instructions).blocks
        #expect(html[0] == "<h2 id=\"my-anchor\">Plain <em>title</em></h2>\n")
        #expect(html[1] == "<h2 id=\"AB-1\">Rule title</h2>\n")
        #expect(html[2] == "<h3>Deeper</h3>\n")
        #expect(html[3] == "<h2>Not {#one} here</h2>\n")
        #expect(html[4] == "<h2 id=\"AB-9\"></h2>\n")
    }

    @Test("an identifier in an explicit anchor is no mention of a rule")
    func anchorIsNoMention() {
        let outline = document("## See AB-2 {#AB-3}\n").outline
        #expect(outline.identifierTokens.map(\.identifier) == ["AB-2"])
    }

    @Test("constructs of other dialects are noted where they are, in prose only")
    func unsupported() {
        let page = document("""
            | a | b |
            |---|:-:|
            | 1 | 2 |

            Text with a note[^1] and ~~struck~~ words.

            [^1]: The note.

            - [ ] to do
            - [x] done
            - [link] is fine

            Term
            : its definition

            `~~code~~ [^2] |---|` and

            ```
            | a |
            |---|
            ~~x~~
            ```

            Approximately ~ 3 and a ratio 1:2, and - | - is prose.
            """)
        let found = page.outline.unsupported.map { "\($0.kind.rawValue)@\($0.location.line)" }
        #expect(found == [
            "pipeTable@2", "footnote@5", "strikethrough@5", "footnote@7", "taskListItem@9", "taskListItem@10",
            "definitionList@14",
        ])
    }

    @Test("a footnote whose definition is a URL, which CommonMark reads as a link definition, is still noted")
    func footnoteAsLink() {
        let outline = document("As shown[^src].\n\n[^src]: https://example.org/report\n").outline
        #expect(outline.unsupported.map(\.kind) == [.footnote])
        #expect(outline.unsupported.first?.location.line == 1)
    }

    @Test("raw HTML that is dropped is noted by kind; comments and closing tags are not; nothing when it is allowed")
    func droppedHTML() {
        let markdown = "<a name=\"old\"></a>\n\nText <a id=\"x\">here</a> and <img src=\"p.png\"> and <b>bold</b>.\n\n<div>\nblock\n</div>\n\n<!-- a comment -->\n"
        let found = document(markdown).outline.unsupported.map { "\($0.kind.rawValue)@\($0.location.line)" }
        #expect(found == ["htmlAnchor@1", "htmlAnchor@3", "htmlImage@3", "html@3", "html@5"])
        #expect(document(markdown, allowRawHTML: true).outline.unsupported.isEmpty)
    }
}
