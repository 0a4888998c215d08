import Foundation
import Testing
@testable import HandbookKit

@Suite("YAML keys")
struct YAMLSafetyTests {
    /// Seven levels of ten keys, each a list holding an alias of the level below: a key that
    /// stands for ten million nodes.
    static let aliasBomb: String = {
        var lines = ["title: T", "l0: &l0 {a: b}"]
        for level in 1...7 {
            let entries = (0..<10).map { "? [*l\(level - 1), \($0)] : \($0)" }.joined(separator: ", ")
            lines.append("l\(level): &l\(level) {\(entries)}")
        }
        return (lines + ["? *l7", ": x"]).joined(separator: "\n") + "\n"
    }()

    @Test("a key that is a list, a mapping or an alias is refused before it is composed, at its place")
    func keys() {
        #expect(YAMLKeyCheck.problem(in: "title: A\n? [a, b]\n: c\n") == .init(line: 2, column: 3, message: "a key must be a plain name, not a list or mapping"))
        #expect(YAMLKeyCheck.problem(in: "a: &x b\n*x : c\n") == .init(line: 2, column: 1, message: "a key must be a plain name, not an alias (*name)"))
        #expect(YAMLKeyCheck.problem(in: "title: A\nchanges:\n  X-1: {a: b}\n  Y-2: [c]\nlist: [a, {b: c}]\n") == nil)
        #expect(YAMLKeyCheck.problem(in: Self.aliasBomb) != nil)
    }

    @Test("an alias bomb gives one short diagnostic")
    func bomb() {
        let (_, diagnostics) = YAMLMapping.parse(Self.aliasBomb, file: "handbook.yml", firstLine: 1, allowedKeys: ["title"], required: ["title"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .configKeyType)
        #expect(diagnostics.first?.location.line == 3)
        #expect((diagnostics.first?.description.count ?? .max) < 200)
    }

    @Test("an unknown key is quoted to a bounded length")
    func longKey() {
        let key = String(repeating: "k", count: 50_000)
        let (_, diagnostics) = YAMLMapping.parse("title: T\n\(key): v\n", file: "h.yml", firstLine: 1, allowedKeys: ["title"], required: [])
        #expect(diagnostics.count == 1)
        #expect((diagnostics.first?.description.count ?? .max) < 400)
    }

    @Test("a repeated key is reported where it is repeated, not at the first")
    func repeatedKey() {
        let (_, diagnostics) = YAMLMapping.parse(
            "title: T\nsummary: one\nupdated: 2026-01-01\nsummary: two\n", file: "x.md", firstLine: 2, allowedKeys: ["title", "summary", "updated"], required: [])
        #expect(diagnostics.map(\.location) == [SourceLocation(file: "x.md", line: 5, column: 1)])
        #expect(diagnostics.first?.message.contains("'summary' appears more than once") == true)
    }
}
