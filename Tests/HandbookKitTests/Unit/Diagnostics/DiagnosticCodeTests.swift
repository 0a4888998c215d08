import Foundation
import Testing
@testable import HandbookKit

@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    /// The codes in the first column of docs/diagnostics.md's table, in order.
    static func documentedCodes() throws -> [String] {
        let text = try String(contentsOfFile: Repository.root + "/docs/diagnostics.md", encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { row in
            let firstColumn = row.split(separator: "|", omittingEmptySubsequences: true)[0]
            return firstColumn.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
    }

    @Test("every code is unique and of the form area.camelCase, and its case is named after it")
    func form() {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.wholeMatch(of: #/[a-z][A-Za-z]*\.[a-z][A-Za-z]*/#) != nil, "\(code.rawValue)")
            let parts = code.rawValue.split(separator: ".")
            #expect(String(describing: code) == parts[0] + parts[1].prefix(1).uppercased() + parts[1].dropFirst())
        }
    }

    @Test("docs/diagnostics.md lists every code once, and only codes in use")
    func documented() throws {
        let documented = try Self.documentedCodes()
        #expect(Set(documented).count == documented.count, "listed twice: \(documented)")
        let inUse = Set(DiagnosticCode.allCases.map(\.rawValue))
        #expect(inUse.subtracting(documented).sorted() == [], "not in docs/diagnostics.md")
        #expect(Set(documented).subtracting(inUse).sorted() == [], "in docs/diagnostics.md, but not a DiagnosticCode")
    }

    @Test("a diagnostic encodes its code as the string")
    func encoding() throws {
        let diagnostic = Diagnostic.error(.ruleUnknown, at: SourceLocation(file: "a.md", line: 1), "message")
        let json = String(decoding: try JSONEncoder().encode(diagnostic), as: UTF8.self)
        #expect(json.contains(#""code":"rule.unknown""#))
        #expect(DiagnosticFormat.json([diagnostic]).contains(#""code" : "rule.unknown""#))
        #expect(try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8)) == diagnostic)
    }
}
