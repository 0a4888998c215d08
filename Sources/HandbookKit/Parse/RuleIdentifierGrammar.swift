import HandbookMarkdown

/// The handbook's identifier grammar (`RuleIdentifier`), as the Markdown reader asks for it.
struct RuleIdentifierGrammar: IdentifierGrammar {
    func identifierLength(atStartOf bytes: [UInt8]) -> Int? {
        RuleIdentifier.match(in: bytes, at: 0)
    }

    func identifierTokens(in text: String) -> [(range: Range<Int>, identifier: String)] {
        RuleIdentifier.tokens(in: text)
    }
}
