import Foundation
import Testing
@testable import HandbookKit

@Suite("Rule identifier patterns (rule_id_pattern)")
struct RuleIdentifierPatternTests {
    private func pattern(_ source: String) throws -> RuleIdentifierPattern {
        try RuleIdentifierPattern.compile(source).get()
    }

    private func problem(_ source: String) -> RuleIdentifierPattern.Problem? {
        if case .failure(let problem) = RuleIdentifierPattern.compile(source) { return problem }
        return nil
    }

    @Test("a pattern matches whole identifiers only, being anchored")
    func anchored() throws {
        let p = try pattern("[A-Z]+-[0-9]+")
        #expect(p.matches("CONF-2"))
        #expect(!p.matches("xCONF-2"))
        #expect(!p.matches("CONF-2x"))
        #expect(!p.matches(""))
    }

    @Test("alternatives at the top level stay inside the anchors")
    func alternatives() throws {
        let p = try pattern("P\\.[0-9]+|F\\.[0-9]+")
        #expect(p.matches("P.1") && p.matches("F.21"))
        #expect(!p.matches("P.1x") && !p.matches("xF.21"))
    }

    @Test("Perl's shorthands are refused with what to write instead", arguments: [
        ("[A-Z]+-\\d+", "[0-9]"), ("\\w+-[0-9]+", "[A-Za-z0-9_]"), ("[A-Z]+\\s[0-9]+", "space"),
    ])
    func perlShorthands(source: String, instead: String) throws {
        let found = try #require(problem(source))
        #expect(found.message.contains("Perl"))
        #expect(found.suggestion.contains(instead))
    }

    @Test("back-references, (? groups, lazy quantifiers and unbalanced groups are refused", arguments: [
        ("([A-Z])\\1-[0-9]+", "back-reference"), ("(?:[A-Z]+)-[0-9]+", "(?"), ("[A-Z]+?-[0-9]+", "lazy"),
        ("[A-Z]+-[0-9]*?", "lazy"), ("[A-Z]+)|(-[0-9]+", "never opened"), ("([A-Z]+-[0-9]+", "never closes"),
    ])
    func refused(source: String, what: String) throws {
        let found = try #require(problem(source))
        #expect(found.message.contains(what), "\(found.message)")
    }

    @Test("inside a bracket expression, ? and ) are members, not syntax")
    func brackets() throws {
        let p = try pattern("[A-Z]+[)?]*-[0-9]+")
        #expect(p.matches("CONF-2"))
    }

    @Test("over-long patterns and huge counted repetitions are refused before regcomp sees them")
    func bounds() throws {
        #expect(problem(String(repeating: "A", count: RuleIdentifierPattern.maxLength + 1))?.message.contains("limit") == true)
        #expect(problem("((A{50}){50}){50}")?.message.contains("multiply") == true)
        #expect(problem("A{5}-[0-9]{1,5}") == nil)
    }

    @Test("what regcomp refuses is reported in its words")
    func invalid() throws {
        let found = try #require(problem("[A-Z"))
        #expect(found.message.contains("POSIX extended"))
    }

    @Test("a classic exponential-backtracking pattern matches long candidates at once")
    func redos() throws {
        let p = try pattern("(a+)+b")
        let started = Date()
        for length in stride(from: 10, through: InputLimits.identifierBytes, by: 10) {
            #expect(!p.matches(String(repeating: "a", count: length)))
        }
        #expect(!p.matches(String(repeating: "a", count: 100_000)), "over-long candidates are not matched at all")
        #expect(p.matches("aaab"))
        #expect(Date().timeIntervalSince(started) < 30, "backtracking would take some 2^100 steps")
    }
}
