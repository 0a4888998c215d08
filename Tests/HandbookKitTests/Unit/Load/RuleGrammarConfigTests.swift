import Testing
@testable import HandbookKit

@Suite("handbook.yml: rule_id_pattern and rule_id_position")
struct RuleGrammarConfigTests {
    private func parse(_ lines: String) -> (HandbookConfig?, [Diagnostic]) {
        HandbookConfig.parse(SourceFile(path: "/x/handbook.yml", displayPath: "handbook.yml", text: "title: T\n" + lines))
    }

    @Test("without the keys, the built-in grammar at the start of headings")
    func absent() throws {
        let (config, diagnostics) = parse("")
        #expect(diagnostics.isEmpty)
        #expect(try #require(config).ruleGrammar == .standard)
    }

    @Test("a pattern and a position are read")
    func read() throws {
        let (config, diagnostics) = parse("rule_id_pattern: 'C-[A-Z]+'\nrule_id_position: end\n")
        #expect(diagnostics.isEmpty)
        let grammar = try #require(config).ruleGrammar
        #expect(grammar.pattern?.source == "C-[A-Z]+")
        #expect(grammar.position == .end)
        #expect(grammar.isValid("C-CASE") && !grammar.isValid("CONF-2"))
    }

    @Test("a pattern that cannot be used is an error at its line, with what to write instead")
    func unusable() {
        let (_, diagnostics) = parse("language: en\nrule_id_pattern: '[A-Z]+-\\d+'\n")
        #expect(diagnostics.map(\.code) == [.configRulePattern])
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.suggestion?.contains("[0-9]") == true)
    }

    @Test("a pattern that matches ordinary words or numbers is an error at its line", arguments: [
        "[A-Za-z]+", "[a-z]+(-[a-z]+)*", "[0-9]+(\\.[0-9]+)*", "[0-9-]+", "[A-Z]+", "[A-Z][a-z]+",
    ])
    func broad(pattern: String) {
        let (_, diagnostics) = parse("rule_id_pattern: '\(pattern)'\n")
        #expect(diagnostics.map(\.code) == [.configRulePatternBroad])
        #expect(diagnostics.first?.location.line == 2)
    }

    @Test("the patterns of real numbering schemes are not too broad", arguments: [
        "[A-Z][A-Za-z]*(\\.[a-z]+)?\\.[0-9]+", "MASVS-[A-Z]+-[0-9]+", "SEGAS-[0-9]{5}(-R[0-9]+)?", "C-[A-Z]+(-[A-Z]+)*",
        "[A-Z][A-Z0-9]*-[0-9]+(\\.[0-9]+)*",
    ])
    func realSchemes(pattern: String) {
        #expect(parse("rule_id_pattern: '\(pattern)'\n").1.isEmpty)
    }

    @Test("an unknown position is an error")
    func position() {
        let (_, diagnostics) = parse("rule_id_position: middle\n")
        #expect(diagnostics.map(\.code) == [.configType])
    }

    @Test("front matter: id and changes keys use the handbook's grammar")
    func frontMatter() throws {
        let grammar = try #require(parse("rule_id_pattern: 'SEGAS-[0-9]{5}'\n").0).ruleGrammar
        let text = "---\ntitle: Logging\nid: SEGAS-00006\nchanges:\n  SEGAS-00006: Reworded.\n---\n\nText.\n"
        let (matter, _, diagnostics) = PageFrontMatter.read(SourceFile(path: "/x/c.md", displayPath: "c.md", text: text), grammar: grammar)
        #expect(diagnostics.isEmpty)
        #expect(matter?.ruleIdentifier == "SEGAS-00006")
        #expect(matter?.changeNotes["SEGAS-00006"] != nil)

        let wrong = "---\ntitle: Logging\nid: SEGAS-6\nchanges:\n  CONF-2: Reworded.\n---\n"
        let (other, _, problems) = PageFrontMatter.read(SourceFile(path: "/x/c.md", displayPath: "c.md", text: wrong), grammar: grammar)
        #expect(Set(problems.map(\.code)) == [.ruleChapterId, .changeNoteKey])
        #expect(problems.first { $0.code == .ruleChapterId }?.location.line == 3)
        #expect(other?.ruleIdentifier == nil)
    }
}
