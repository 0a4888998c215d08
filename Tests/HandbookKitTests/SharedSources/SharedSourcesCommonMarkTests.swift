import Foundation
import Testing
@testable import HandbookKit

/// `handbook render --allow-raw-html` against every example of the CommonMark 0.30 spec, read
/// from `../shared/commonmark` (so run by `make shared-test`, not `make test`).
/// The one documented addition is heading ids, removed before comparing.
@Suite("CommonMark 0.30 conformance (../shared)")
struct SharedSourcesCommonMarkTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var number: Int
        var section: String
        var markdown: String
        var html: String
        var testDescription: String { "example \(number) (\(section))" }
    }

    static let examples: [Example] = {
        let path = Repository.shared + "/commonmark/spec-0.30.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("#") { section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) }
            guard line == fence + " example" else { continue }
            var markdown: [String] = []
            var html: [String] = []
            var inHTML = false
            while let body = lines.popFirst(), body != fence {
                if body == "." && !inHTML { inHTML = true; continue }
                if inHTML { html.append(body) } else { markdown.append(body) }
            }
            func unescape(_ lines: [String]) -> String {
                lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            }
            examples.append(Example(number: examples.count + 1, section: section, markdown: unescape(markdown), html: unescape(html)))
        }
        return examples
    }()

    @Test("the spec file is there and has all 652 examples")
    func loaded() {
        #expect(FileManager.default.fileExists(atPath: Repository.shared + "/commonmark/spec-0.30.txt"), "../shared/commonmark/spec-0.30.txt is missing")
        #expect(Self.examples.count == 652)
    }

    @Test("example", arguments: examples)
    func example(_ example: Example) {
        let (html, diagnostics) = FragmentRenderer.render(markdown: example.markdown, file: "spec", allowRawHTML: true)
        let withoutIDs = html.replacingOccurrences(of: #"<(h[1-6]) id="[^"]*">"#, with: "<$1>", options: .regularExpression)
        #expect(withoutIDs == example.html)
        #expect(diagnostics.isEmpty)
    }
}
