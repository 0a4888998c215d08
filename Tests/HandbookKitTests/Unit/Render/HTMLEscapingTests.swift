import Mustache
import Testing
@testable import HandbookKit

/// The build's escaping of `{{name}}` gives exactly what swift-mustache's own does.
@Suite("HTML escaping in templates")
struct HTMLEscapingTests {
    @Test("the same text as swift-mustache's escaping", arguments: [
        "", "plain", "<script>alert('x')</script>", "a & b \"quoted\" 'single' > <", "&amp; already",
        "café ñ e\u{301} 日本語 🧑‍⚕️ <b>", "\u{0}\u{7F}\r\n\t", String(repeating: "<&>", count: 1000),
    ])
    func sameAsMustache(text: String) throws {
        let plain = try MustacheTemplate(string: "[{{value}}]")
        HTMLEscaping.registered
        let ours = try MustacheTemplate(string: HTMLEscaping.pragma + "[{{value}}]")
        let context: [String: Any] = ["value": text]
        #expect(ours.render(context) == plain.render(context))
        #expect(HTMLEscaping().escapeText(text) == text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "<": "&lt;"
            case ">": "&gt;"
            case "&": "&amp;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: String(scalar)
            }
        }.joined())
    }

    @Test("the pragma line leaves no trace in what a template renders")
    func pragmaLeavesNothing() throws {
        HTMLEscaping.registered
        for text in ["\nstarts with a line break", "  indented", "{{value}} first", ""] {
            let plain = try MustacheTemplate(string: text)
            let ours = try MustacheTemplate(string: HTMLEscaping.pragma + text)
            #expect(ours.render(["value": "v"]) == plain.render(["value": "v"]))
        }
    }
}
