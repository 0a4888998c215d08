import Testing
@testable import HandbookKit

@Suite("Rule grammars")
struct RuleGrammarTests {
    private func grammar(_ source: String, position: RuleGrammar.Position = .start) throws -> RuleGrammar {
        RuleGrammar(pattern: try RuleIdentifierPattern.compile(source).get(), position: position)
    }

    private let coding = "[A-Z][A-Za-z]*(\\.[a-z]+)?\\.[0-9]+"

    @Test("identifiers in prose: possessives, sentence ends and parentheses")
    func prose() throws {
        let g = try grammar(coding)
        #expect(g.tokens(in: "F.21's advice").map(\.identifier) == ["F.21"])
        #expect(g.tokens(in: "see SL.con.1.").map(\.identifier) == ["SL.con.1"])
        #expect(g.tokens(in: "(Con.1) and P.1, then P.2;").map(\.identifier) == ["Con.1", "P.1", "P.2"])
        let masvs = try grammar("MASVS-[A-Z]+-[0-9]+")
        #expect(masvs.tokens(in: "(MASVS-STORAGE-1)").map(\.identifier) == ["MASVS-STORAGE-1"])
    }

    @Test("a leading part cut at a separator is found when the whole run is not an identifier")
    func leadingParts() throws {
        let g = try grammar(coding)
        #expect(g.tokens(in: "a Con.1-style rule").map(\.identifier) == ["Con.1"])
        #expect(g.tokens(in: "P.1.x").map(\.identifier) == ["P.1"])
    }

    @Test("identifiers glued to other word characters are not found")
    func glued() throws {
        let g = try grammar(coding)
        #expect(g.tokens(in: "xP.1 _P.1 -P.1 P.1_ a.P.1 snake_P.1").isEmpty)
    }

    @Test("byte ranges point at the identifier after multi-byte text")
    func ranges() throws {
        let text = "Café – voir SL.con.1."
        let token = try #require(try grammar(coding).tokens(in: text).first)
        #expect(String(decoding: Array(text.utf8)[token.range], as: UTF8.self) == "SL.con.1")
    }

    @Test("the built-in grammar finds exactly what it always did")
    func standard() {
        let text = "See CONF-1. Then MSG-2.1, (ABU-4) and COVID-19; not xCONF-1 or CONF-1-2 or CONF-1a."
        #expect(RuleGrammar.standard.tokens(in: text).map(\.identifier) == RuleIdentifier.tokens(in: text).map(\.identifier))
    }

    @Test("prefixes: the parts before the first that starts with a digit, or all but the last", arguments: [
        ("CONF-2.1", "CONF"), ("SL.con.1", "SL.con"), ("MASVS-STORAGE-1", "MASVS-STORAGE"), ("SEGAS-00006", "SEGAS"),
        ("P.1", "P"), ("C-CASE", "C"), ("C-COMMON-TRAITS", "C-COMMON"), ("SEGAS-00006-R1", "SEGAS"), ("X", "X"),
    ])
    func prefixes(identifier: String, prefix: String) {
        #expect(RuleIdentifierCandidates.prefix(of: identifier) == prefix)
    }

    @Test("whatever the pattern accepts, an identifier is safe as a file name", arguments: [
        "..", "a/b", "../x", "a..b", ".a", "a.", "a b", "-a", "a--b", "é-1", "",
    ])
    func unsafe(identifier: String) throws {
        let anything = try grammar(".*")
        #expect(!anything.isValid(identifier))
    }

    @Test("an identifier longer than the limit is never valid")
    func long() throws {
        let g = try grammar("A[0-9]+")
        #expect(g.isValid("A" + String(repeating: "1", count: InputLimits.identifierBytes - 1)))
        #expect(!g.isValid("A" + String(repeating: "1", count: InputLimits.identifierBytes)))
    }

    @Test("words shaped like identifiers that the grammar refuses")
    func refuses() throws {
        let g = try grammar(coding)
        #expect(g.refuses(Array("Con-1".utf8)))
        #expect(g.refuses(Array("SL.Con.1".utf8)))
        #expect(!g.refuses(Array("Con.1".utf8)), "accepted")
        #expect(!g.refuses(Array("e-mail".utf8)) && !g.refuses(Array("1.5".utf8)) && !g.refuses(Array("5G".utf8)))
        let end = try grammar("C-[A-Z]+", position: .end)
        #expect(end.refuses(Array("X-CASE".utf8)), "at the end, upper-case words with a hyphen count")
        #expect(!end.refuses(Array("e-mail".utf8)))
    }

    @Test("the search tokenizer keeps a handbook's identifiers whole")
    func search() throws {
        let tokens = SearchTokenizer.tokens(in: "See SL.con.1, F.21's note and MASVS-X-1.", grammar: try grammar(coding))
        #expect(tokens.filter { $0.kind == .identifier }.map(\.text) == ["SL.con.1", "F.21"])
        #expect(tokens.contains(SearchTokenizer.Token(text: "MASVS", kind: .word)))
    }
}
