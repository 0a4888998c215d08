import Foundation
import Testing
@testable import HandbookKit

@Suite("Parse: constructs the parser leaves as text or drops, and callout markers")
struct SyntaxDiagnosticsTests {
    private func problems(_ body: String) throws -> [Diagnostic] {
        let text = MemoryHandbook.page("Page", body)
        let file = PageFile(path: "chapters/01-page.md", fileName: "01-page.md", slug: "page")
        return ParseStep.page(file, data: Data(text.utf8), kind: .chapter, allowRawHTML: false).1
    }

    /// `MemoryHandbook.page` puts five lines before the body.
    private func line(_ bodyLine: Int) -> Int { bodyLine + 5 }

    @Test("each construct is reported once per file, at its first place, with the count of the others")
    func oncePerFile() throws {
        let diagnostics = try problems("""
            Some ~~old~~ text and ~~more~~.

            | a | b |
            |---|---|

            | c | d |
            | --- | --- |

            - [x] done

            Paragraph ~~three~~.
            """)
        #expect(diagnostics.map(\.code) == [.markdownStrikethrough, .markdownTable, .markdownTaskList])
        #expect(diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(diagnostics.map(\.location.line) == [line(1), line(4), line(9)])
        #expect(diagnostics[0].message.hasSuffix("(and 1 more in this file)"), "two text nodes strike through, not three")
        #expect(diagnostics[1].message.hasSuffix("(and 1 more in this file)"))
        #expect(!diagnostics[2].message.contains("more in this file"))
        #expect(diagnostics[1].suggestion?.contains("- **Column**: value") == true)
    }

    @Test("footnotes, definition lists and each kind of dropped HTML say what to write instead")
    func suggestions() throws {
        let diagnostics = try problems("""
            A claim[^1].

            [^1]: The source.

            Term
            : definition

            <a name="old-place"></a>

            <img src="../media/chart.png" alt="Chart">

            <span>dropped</span> and <script>x()</script>
            """)
        #expect(diagnostics.map(\.code) == [
            .markdownFootnote, .markdownDefinitionList, .markdownHtmlDropped, .markdownHtmlDropped, .markdownHtmlDropped,
        ])
        #expect(diagnostics[0].message.hasSuffix("(and 1 more in this file)"))
        #expect(diagnostics[2].suggestion?.contains("`## Title {#name}`") == true)
        #expect(diagnostics[3].suggestion?.contains("`![what it shows](../media/NAME)`") == true)
        #expect(diagnostics[4].location.line == line(12))
        #expect(diagnostics[4].message.hasSuffix("(and 1 more in this file)"))
    }

    @Test("an unknown callout marker is a warning with did-you-mean; a marker with text after it too")
    func callouts() throws {
        let diagnostics = try problems("> [!WARN]\n> Careful.\n\n> [!NOTE] Inline.\n\n> [!NOTE]\n> Fine.\n")
        #expect(diagnostics.map(\.code) == [.calloutUnknown, .calloutMarkerLine])
        #expect(diagnostics[0].suggestion?.hasPrefix("did you mean [!WARNING]?") == true)
        #expect(diagnostics[0].location == SourceLocation(file: "chapters/01-page.md", line: line(1)))
        #expect(diagnostics[1].location.line == line(4))
    }

    @Test("code is not prose: nothing in code spans or blocks is reported")
    func codeIsQuiet() throws {
        #expect(try problems("`~~x~~ [^1]`\n\n```\n| a |\n|---|\n<img src=x>\n```\n\n    <a name=\"x\">\n").isEmpty)
    }
}
