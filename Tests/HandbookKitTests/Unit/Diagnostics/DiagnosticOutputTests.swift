import Foundation
import Testing
@testable import HandbookKit
import HandbookMarkdown

/// Diagnostics as printed: the source line with a marker under the place, and GitHub
/// annotations.
@Suite("Diagnostic output")
struct DiagnosticOutputTests {
    @Test("the marker underlines the word at the column, counted in bytes as cmark counts them")
    func marker() throws {
        let rule = try #require(SourceExcerpt(line: "See FIRST-2 and é FIRST-9, here.", number: 6, column: 20))
        #expect(rule.lines(paint: nil) == "    6 | See FIRST-2 and é FIRST-9, here.\n      |                   ^~~~~~~\n")
        let sentenceEnd = try #require(SourceExcerpt(line: "Read CONF-2.", number: 12, column: 6))
        #expect(sentenceEnd.lines(paint: nil) == "    12 | Read CONF-2.\n       |      ^~~~~~\n", "the full stop is not part of it")
        let link = try #require(SourceExcerpt(line: "Text [x](rule:FIRST-7).", number: 1, column: 6))
        #expect(link.markerWidth == 1, "a caret where no word starts")
        #expect(SourceExcerpt(line: "   ", number: 1, column: 1) == nil)
    }

    @Test("a tab is one space, control characters are escaped without moving the marker, a long line is a window")
    func awkwardLines() throws {
        let tab = try #require(SourceExcerpt(line: "\tKEY-1 x", number: 1, column: 2))
        #expect(tab.text == " KEY-1 x" && tab.markerOffset == 1)
        let control = try #require(SourceExcerpt(line: "a\u{1B}[31m KEY-1", number: 1, column: 8))
        #expect(!control.text.contains("\u{1B}"))
        #expect(Array(control.text)[control.markerOffset...].starts(with: "KEY-1"))
        let long = String(repeating: "word ", count: 100) + "KEY-9 " + String(repeating: "more ", count: 100)
        let window = try #require(SourceExcerpt(line: Substring(long), number: 3, column: 501))
        #expect(window.text.hasPrefix("…") && window.text.hasSuffix("…"))
        #expect(window.text.count <= SourceExcerpt.window + 2)
        #expect(Array(window.text)[window.markerOffset...].starts(with: "KEY-9"))
    }

    @Test("each kind of position shows its line: handbook.yml, front matter, Markdown inline and block, a template")
    func everyKindOfPosition() async throws {
        let handbook = try TestHandbook([
            "handbook.yml": "title: T\ncolour: red\n",
            "chapters/01-a.md": "---\ntitle: A\nsumary: x\n---\n\nText [x](rule:FIRST-7).\n\n| a | b |\n| - | - |\n\n## FIRST-1 One\n\nText.\n",
        ], minimal: false)
        var broken = handbook
        let templates = handbook.folder + "/Templates"
        try TemplateEject.write(to: templates)
        let index = templates + "/index.mustache"
        try String(contentsOfFile: index, encoding: .utf8).replacingOccurrences(of: "{{#site.subtitle}}", with: "{{#site.subtitle}")
            .write(toFile: index, atomically: true, encoding: .utf8)
        broken.templates = templates
        let report = await broken.build()
        let text = DiagnosticFormat.text(report.diagnostics, colour: false, excerpts: true)
        for expected in [
            "handbook.yml:2:1: error: unknown key 'colour'", "    2 | colour: red\n      | ^~~~~~\n",
            "01-a.md:3:1: error: unknown key 'sumary'", "    3 | sumary: x\n      | ^~~~~~\n",
            "01-a.md:6:6: error: no rule has the identifier 'FIRST-7'", "    6 | Text [x](rule:FIRST-7).\n      |      ^\n",
            "01-a.md:9:1: warning: this pipe table is shown as text", "    9 | | - | - |\n      | ^\n",
            "index.mustache:5:18: error: this template does not parse",
            "    5 | {{#site.subtitle}<p class=\"subtitle\">",
        ] {
            #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
        }
        // Each diagnostic's own line is unchanged, for editors' problem matchers.
        let first = text.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(first.count == report.diagnostics.count)
        #expect(first.allSatisfy { $0.range(of: #"^.+:\d+:\d+: (error|warning): "#, options: .regularExpression) != nil })
    }

    @Test("JSON gives the range of the marked word and the source line, when the file can be read")
    func jsonRange() throws {
        let folder = try TemporaryFolder("handbook-json-range-")
        let path = folder.path + "/a.md"
        try "# Title\n\nSee é FIRST-9, here.\n".write(toFile: path, atomically: true, encoding: .utf8)
        let diagnostics = [
            Diagnostic.warning(.ruleUndefinedReference, at: SourceLocation(file: path, line: 3, column: 8), "FIRST-9 looks like a rule identifier"),
            Diagnostic.error(.templateSyntax, at: SourceLocation(file: "<built-in templates>/index.mustache", line: 2, column: 1), "x"),
        ]
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticFormat.json(diagnostics).utf8)) as? [[String: Any]])
        #expect(objects[0]["column"] as? Int == 8)
        #expect(objects[0]["endColumn"] as? Int == 15, "FIRST-9 is 7 bytes")
        #expect(objects[0]["sourceLine"] as? String == "See é FIRST-9, here.")
        #expect(objects[1]["endColumn"] == nil && objects[1]["sourceLine"] == nil)
    }

    @Test("GitHub annotations: one line each, properties and message escaped as GitHub reads them back")
    func github() {
        let diagnostics = [
            Diagnostic.error(.ruleUnknown, at: SourceLocation(file: "Content/a,b:c.md", line: 5, column: 3), "no rule 'X-1'\n::error::forged", suggestion: "did you mean X-2? 100%"),
            Diagnostic.warning(.linkBroken, at: SourceLocation(file: "Content/b.md", line: 1, column: 1), "a link"),
        ]
        let output = DiagnosticFormat.github(diagnostics)
        #expect(output == """
            ::error file=Content/a%2Cb%3Ac.md,line=5,col=3,title=rule.unknown::no rule 'X-1'\\u{A}::error::forged; did you mean X-2? 100%25
            ::warning file=Content/b.md,line=1,col=1,title=link.broken::a link

            """)
        #expect(output.split(separator: "\n").count == 2)
    }

    @Test("a file's lines end at LF, CR LF or CR, as its characters do, whatever follows the break")
    func lines() {
        let texts = [
            "", "one", "one\n", "one\ntwo", "a\r\nb\rc\n\nd", "\n\n", "\r\n", "e\u{301}\nx", "\n\u{301}tail",
            "🙂\r\n🙂\r", "no break at the end\r", "mixed\n\r\r\n",
        ]
        for text in texts {
            let byCharacter = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            #expect(SourceLines.split(text) == byCharacter, "\(text.debugDescription)")
        }
    }
}
