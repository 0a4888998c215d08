import HandbookMarkdown

/// The handbook's identifier grammar (`RuleGrammar`), as the Markdown reader asks for it.
struct RuleIdentifierGrammar: IdentifierGrammar {
    var grammar: RuleGrammar = .standard

    func identifierLength(atStartOf bytes: [UInt8]) -> Int? {
        grammar.match(in: bytes, at: 0)
    }

    func identifierTokens(in text: String) -> [(range: Range<Int>, identifier: String)] {
        grammar.tokens(in: text)
    }

    var identifierAtEnd: Bool { grammar.position == .end }

    func refuses(_ word: [UInt8]) -> Bool { grammar.refuses(word) }
}
