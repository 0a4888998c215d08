import Testing
@testable import HandbookKit

@Suite("Front matter: extra fields")
struct ExtraFieldsTests {
    private func read(_ yaml: String) -> (PageFrontMatter?, [Diagnostic]) {
        let (matter, _, diagnostics) = PageFrontMatter.read(
            SourceFile(path: "/x/chapter.md", displayPath: "chapter.md", text: "---\ntitle: A\n\(yaml)---\nText\n"))
        return (matter, diagnostics)
    }

    @Test("text, lists and mappings are kept as written, in order")
    func kept() throws {
        let (matter, diagnostics) = read("""
            extra:
              owner: Clinical governance team
              review_date: 2027-03-01
              reviewers: [Ward manager, Infection control lead]
              contact:
                email: policy@example.org
                phone: "0100 000 0000"

            """)
        #expect(diagnostics.isEmpty)
        let extra = try #require(matter?.extra)
        #expect(extra.map(\.key) == ["owner", "review_date", "reviewers", "contact"])
        #expect(extra[0].value == .text("Clinical governance team"))
        #expect(extra[2].value == .list([.text("Ward manager"), .text("Infection control lead")]))
        #expect(extra[3].value == .map([
            ExtraEntry(key: "email", value: .text("policy@example.org")),
            ExtraEntry(key: "phone", value: .text("0100 000 0000")),
        ]))
    }

    @Test("templates see text as strings, lists as arrays and mappings as dictionaries")
    func templateValues() throws {
        let (matter, _) = read("extra:\n  owner: Team\n  tags: [a, b]\n")
        let values = try #require(ExtraField.templateValue(of: matter?.extra ?? []))
        #expect(values["owner"] as? String == "Team")
        #expect(values["tags"] as? [String] == ["a", "b"])
        #expect(ExtraField.templateValue(of: []) == nil)
    }

    @Test("a misspelt key is an error with the right suggestion")
    func misspelt() throws {
        let (_, diagnostics) = read("titel: B\n")
        let problem = try #require(diagnostics.first)
        #expect(problem.code == .configUnknownKey)
        #expect(problem.suggestion == "did you mean 'title'?")
        let (_, extraDiagnostics) = read("extar:\n  owner: Team\n")
        #expect(extraDiagnostics.first?.suggestion == "did you mean 'extra'?")
    }

    @Test("a field name a template cannot look up is an error at its line", arguments: ["review.date", "review date", "1st", "\"\""])
    func badName(name: String) throws {
        let (matter, diagnostics) = read("extra:\n  owner: Team\n  \(name): x\n")
        let problem = try #require(diagnostics.first)
        #expect(problem.code == .frontMatterExtra)
        #expect(problem.location.line == 5)
        #expect(matter?.extra.map(\.key) == ["owner"])
    }

    @Test("extra must be a mapping")
    func notMapping() {
        let (_, diagnostics) = read("extra: just text\n")
        #expect(diagnostics.map(\.code) == [.configType])
    }

    @Test("aliases that stand for millions of values are refused quickly, once")
    func aliasBomb() {
        var yaml = "extra:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        let started = clock.now
        let (matter, diagnostics) = read(yaml)
        #expect(clock.now - started < .seconds(5))
        #expect(diagnostics.map(\.code) == [.frontMatterExtra])
        #expect(matter?.extra.isEmpty == true)
    }
}
