import Testing
@testable import HandbookKit

@Suite("Resolver: a handbook's own identifier grammar")
struct IdentifierGrammarResolveTests {
    private func handbook(_ config: String, _ chapters: [MemoryHandbook.Page]) -> MemoryHandbook {
        var handbook = MemoryHandbook(chapters: chapters)
        handbook.config = "title: Test handbook\nedition: \"1\"\n" + config
        return handbook
    }

    private let coding = "rule_id_pattern: '[A-Z][A-Za-z]*(\\.[a-z]+)?\\.[0-9]+'\n"

    @Test("dotted, mixed-case identifiers define rules and link in prose")
    func dotted() throws {
        let resolved = try handbook(coding, [
            ("01-a.md", MemoryHandbook.page("A", "## P.1 Say it in code\n\nSee SL.con.1. And F.21's point.\n\n## F.21 Return a structure\n\nText.\n")),
            ("02-b.md", MemoryHandbook.page("B", "## SL.con.1 Prefer containers\n\n### SL.con.1.x Not a rule\n\nCompare (P.1).\n")),
        ]).resolved()
        #expect(resolved.rules.map(\.identifier) == ["P.1", "F.21", "SL.con.1"])
        #expect(resolved.rule("SL.con.1")?.citedBy.map(\.id) == ["P.1"])
        #expect(resolved.rule("F.21")?.citedBy.map(\.id) == ["P.1"])
        #expect(resolved.rule("P.1")?.citedBy.map(\.id) == ["SL.con.1"])
        let html = MemoryHandbook.html(of: resolved.chapters[0])
        #expect(html.contains(#"See <a class="rule-ref" href="../chapters/b.html#SL.con.1" title="Prefer containers">SL.con.1</a>."#))
        #expect(html.contains(#"<h2 id="P.1" class="rule-heading"><a class="rule-id" href="../rules/P.1.html">P.1</a> <span class="rule-title">Say it in code</span></h2>"#))
    }

    @Test("identifiers that differ only in case, and one that would name the rules index, are refused")
    func pageNames() throws {
        let (resolved, diagnostics) = try handbook("rule_id_pattern: '[A-Za-z]+[.][0-9]+|index'\n", [
            ("01-a.md", MemoryHandbook.page("A", "## Con.1 Keep it constant\n\nText.\n\n## CON.1 Shouting\n\nText.\n\n## index All of them\n\nText.\n")),
        ]).resolve()
        #expect(diagnostics.map(\.code) == [.ruleDuplicate, .ruleReservedIdentifier])
        #expect(diagnostics.first?.message.contains("differs only in case from Con.1") == true)
        #expect(diagnostics.last?.message.contains("rules/index.html") == true)
        #expect(resolved.rules.map(\.identifier) == ["Con.1"])
    }

    @Test("an undefined identifier with a known prefix is a warning whose suggestion keeps to that prefix")
    func didYouMean() throws {
        let (_, diagnostics) = try handbook(coding, [
            ("01-a.md", MemoryHandbook.page("A", "## Con.1 One\n\nText.\n\n## Con.2 Two\n\nText.\n\n## P.12 Three\n\nSee Con.3 and P.13 and Q.1.\n")),
        ]).resolve()
        let warnings = diagnostics.filter { $0.code == .ruleUndefinedReference }
        #expect(warnings.count == 2, "Q has no rule, so Q.1 is not reported")
        let con = try #require(warnings.first { $0.message.contains("Con.3") })
        #expect(con.suggestion?.contains("did you mean Con.") == true)
        let p = try #require(warnings.first { $0.message.contains("P.13") })
        #expect(p.suggestion?.contains("did you mean P.12?") == true)
    }

    @Test("a rule-level heading shaped like an identifier the pattern refuses is a warning at the heading")
    func refusedHeading() throws {
        let (resolved, diagnostics) = try handbook(coding, [
            ("01-a.md", MemoryHandbook.page("A", "## P-1 Dashed by mistake\n\nText.\n\n## 2026 review\n\n## E-mail etiquette\n\nText.\n")),
        ]).resolve()
        #expect(resolved.rules.isEmpty)
        let refused = diagnostics.filter { $0.code == .ruleHeadingRefused }
        #expect(refused.count == 1)
        #expect(refused.first?.severity == .warning)
        #expect(refused.first?.location.line == 6)
        #expect(refused.first?.message.contains("becomes a plain heading") == true)
        #expect(refused.first?.suggestion?.contains("rule_id_pattern") == true)
    }

    @Test("the built-in grammar warns too, so a whole standard of rules is not lost unnoticed")
    func refusedStandard() throws {
        let (_, diagnostics) = try handbook("", [
            ("01-a.md", MemoryHandbook.page("A", "## Conf-1 Lower case\n\nText.\n\n## COVID-19 A rule\n\nText.\n")),
        ]).resolve()
        #expect(diagnostics.filter { $0.code == .ruleHeadingRefused }.count == 1)
    }

    @Test("identifiers at the end of headings, in parentheses")
    func atTheEnd() throws {
        let resolved = try handbook("rule_id_pattern: 'C-[A-Z]+(-[A-Z]+)*'\nrule_id_position: end\n", [
            ("01-a.md", MemoryHandbook.page("A", "## Casing *follows* the convention (C-CASE)\n\nSee C-GOOD-ERR.\n\n## Errors are good (C-GOOD-ERR)\n\n## Not a rule (c-case)\n")),
        ]).resolved()
        #expect(resolved.rules.map(\.identifier) == ["C-CASE", "C-GOOD-ERR"])
        #expect(resolved.rules.map(\.title) == ["Casing follows the convention", "Errors are good"])
        let html = MemoryHandbook.html(of: resolved.chapters[0])
        #expect(html.contains(#"<h2 id="C-CASE" class="rule-heading"><a class="rule-id" href="../rules/C-CASE.html">C-CASE</a> <span class="rule-title">Casing <em>follows</em> the convention</span></h2>"#))
        #expect(html.contains(#"<span class="rule-title">Errors are good</span></h2>"#))
    }

    @Test("a chapter with id: in its front matter is one rule, its rule headings its sub-rules")
    func chapterRule() throws {
        let text = "---\ntitle: Logging\nid: SEGAS-00006\n---\n\nWhy logs matter; see SEGAS-00012.\n\n## SEGAS-00006-R1 Structured\n\nText.\n"
        let resolved = try handbook("rule_id_pattern: 'SEGAS-[0-9]{5}(-R[0-9]+)?'\n", [
            ("01-logging.md", text),
            ("02-secrets.md", MemoryHandbook.page("Secrets", "## SEGAS-00012 Keep them safe\n\nAs SEGAS-00006-R1 says.\n")),
        ]).resolved()
        let rule = try #require(resolved.rule("SEGAS-00006"))
        #expect(rule.isChapter)
        #expect(rule.title == "Logging")
        #expect(rule.plainText.contains("Why logs matter"))
        #expect(resolved.rule("SEGAS-00006-R1")?.parent == "SEGAS-00006")
        #expect(resolved.rule("SEGAS-00012")?.citedBy.map(\.id) == ["SEGAS-00006"])
        #expect(resolved.rule("SEGAS-00012")?.citedBy.first?.url == "chapters/logging.html#SEGAS-00006")
        #expect(resolved.rule("SEGAS-00006-R1")?.citedBy.map(\.id) == ["SEGAS-00012"])
        #expect(rule.wording == "Why logs matter; see SEGAS-00012.", "the sub-rules are not its own wording")
    }

    @Test("id: in a tip list is an error")
    func tipListRule() throws {
        var book = handbook("rule_id_pattern: 'SEGAS-[0-9]{5}'\n", [("01-a.md", MemoryHandbook.page("A", "Text.\n"))])
        book.tipLists = [("quick.md", "---\ntitle: Quick\nid: SEGAS-00001\n---\n\n- A tip.\n")]
        let (_, diagnostics) = try book.resolve()
        #expect(diagnostics.map(\.code) == [.ruleInTipList])
    }
}
