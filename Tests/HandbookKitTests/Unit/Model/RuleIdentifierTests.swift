import Testing
@testable import HandbookKit

@Suite("Rule identifiers")
struct RuleIdentifierTests {
    @Test("valid identifiers", arguments: ["CONF-1", "MSG-2.1", "A-0", "X9-12.3.4", "ABU-4.2"])
    func valid(_ identifier: String) {
        #expect(RuleIdentifier.isValid(identifier))
    }

    @Test("invalid identifiers", arguments: ["conf-1", "CONF1", "CONF-", "CONF-1.", "-1", "1A-2", "CONF-a", "CONF-1.2.", "Conf-1"])
    func invalid(_ identifier: String) {
        #expect(!RuleIdentifier.isValid(identifier))
    }

    @Test("tokens in prose: sentence full stops, dotted parts, punctuation around")
    func tokensInProse() {
        let text = "See CONF-1. Then MSG-2.1, (ABU-4) and COVID-19; not xCONF-1 or CONF-1-2 or CONF-1a."
        #expect(RuleIdentifier.tokens(in: text).map(\.identifier) == ["CONF-1", "MSG-2.1", "ABU-4", "COVID-19"])
    }

    @Test("token byte ranges point at the identifier, after multi-byte text")
    func tokenRanges() {
        let text = "Café – voir CONF-2.1."
        let token = try! #require(RuleIdentifier.tokens(in: text).first)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[token.range], as: UTF8.self) == "CONF-2.1")
    }

    @Test("prefix")
    func prefix() {
        #expect(RuleIdentifier.prefix(of: "CONF-2.1") == "CONF")
    }
}
