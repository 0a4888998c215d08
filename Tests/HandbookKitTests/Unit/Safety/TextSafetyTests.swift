import Foundation
import Testing
@testable import HandbookKit

@Suite("Text in diagnostics, scripts and XML")
struct TextSafetyTests {
    @Test("control characters and bidirectional overrides are escaped; other text is left alone")
    func terminalText() {
        #expect(TerminalText.escaped("plain café 日本") == "plain café 日本")
        #expect(TerminalText.escaped("a\u{1B}[31mred") == "a\\u{1B}[31mred")
        #expect(TerminalText.escaped("one\n::error::two") == "one\\u{A}::error::two")
        #expect(TerminalText.escaped("\u{202E}txt.exe") == "\\u{202E}txt.exe")
        #expect(!TerminalText.escaped("\r\u{7}\u{9B}").unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("a diagnostic is one line, however its text was made")
    func oneLine() {
        let diagnostic = Diagnostic.error(
            .linkAnchor, at: SourceLocation(file: "chapters/01-a\nb.md", line: 3), "no anchor '#x\u{1B}]0;pwned\u{7}\n::error::forged'",
            suggestion: "fix\r\nit")
        for text in [diagnostic.description, DiagnosticFormat.text([diagnostic], colour: true), DiagnosticFormat.text([diagnostic], colour: false)] {
            #expect(text.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
            #expect(!text.contains("\u{7}") && !text.contains("\u{1B}]"))
        }
    }

    @Test("quoted author text is cut to a bounded length")
    func quoted() {
        #expect(Quoted.text("short") == "short")
        let long = Quoted.text(String(repeating: "x", count: 100_000))
        #expect(long.count == Quoted.characterLimit + 1 && long.hasSuffix("…"))
    }

    @Test("JSON made for a script cannot end a comment, a string, a template or the script element")
    func scriptJSON() throws {
        let hostile = ["*/alert(1)/*", "</script><script>alert(1)</script>", "`${alert(1)}`", "'\u{2028}\u{2029}&>"]
        let literal = try ScriptJSON.literal(hostile)
        for sequence in ["*/", "</", "`", "${", "'", "\u{2028}", "\u{2029}", "<", ">", "&"] {
            #expect(!literal.contains(sequence), "\(sequence) is in \(literal)")
        }
        let decoded = try JSONSerialization.jsonObject(with: Data(literal.utf8)) as? [String]
        #expect(decoded == hostile, "the escapes keep the value")
    }

    @Test("the escape works on bytes: every dangerous character written as \\u, every other kept, multi-byte ones whole")
    func scriptEscapeBytes() throws {
        let text = "a<b>c&d*e`f$g'h\u{2028}i\u{2029}j é€😀 \u{2027}\u{202A}"
        #expect(ScriptJSON.escape(text)
            == "a\\u003cb\\u003ec\\u0026d\\u002ae\\u0060f\\u0024g\\u0027h\\u2028i\\u2029j é€😀 \u{2027}\u{202A}")
        #expect(ScriptJSON.escape("plain text") == "plain text")
        let value = ["x": ["</script>", "\u{2028}"]]
        let literal = try ScriptJSON.literal(encoding: value)
        #expect(!literal.contains("<") && !literal.contains("\u{2028}"))
        #expect(try JSONSerialization.jsonObject(with: Data(literal.utf8)) as? [String: [String]] == value)
    }

    @Test("form feeds, NULs and other characters XML forbids are found at their line and column")
    func forbiddenCharacters() {
        let file = SourceFile(path: "x.md", displayPath: "x.md", text: "fine\ttab\r\nPage one\u{0C}Page two\nnul \u{0} here and \u{1B} there\nnon\u{FFFE}char\n")
        let problems = ForbiddenCharacters.problems(in: file)
        #expect(problems.map(\.location) == [
            SourceLocation(file: "x.md", line: 2, column: 9), SourceLocation(file: "x.md", line: 3, column: 5),
            SourceLocation(file: "x.md", line: 4, column: 4),
        ])
        #expect(problems.allSatisfy { $0.code == .textControlCharacter && $0.severity == .error })
        #expect(problems[0].message.contains("form feed (U+000C)"))
        let many = SourceFile(path: "y.md", displayPath: "y.md", text: String(repeating: "\u{0C}\n", count: 1_000))
        let reported = ForbiddenCharacters.problems(in: many)
        #expect(reported.count == ForbiddenCharacters.reportedLines + 1)
        #expect(reported.last?.message.hasPrefix("980 more lines") == true)
    }

    @Test("XML text never holds a character XML forbids")
    func xmlCharacters() {
        #expect(XMLCharacters.removingForbidden("a\u{0}b\u{0C}c\td\u{FFFF}e") == "abc\tde")
        #expect(XMLCharacters.removingForbidden("plain") == "plain")
    }

    @Test("paths compare byte for byte, after NFC")
    func unicodeForm() {
        let composed = "caf\u{E9}.png"
        let decomposed = "cafe\u{301}.png"
        #expect(composed == decomposed, "Swift equates them")
        #expect(ExactText(composed) != ExactText(decomposed))
        #expect(Set([ExactText(composed), ExactText(decomposed)]).count == 2)
        #expect(UnicodeForm.nfc(decomposed).utf8.elementsEqual(composed.utf8))
        #expect(UnicodeForm.isNFC(composed) && !UnicodeForm.isNFC(decomposed))
    }
}
