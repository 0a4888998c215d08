/// How rule identifiers are spelled. The handbook's grammar decides; this target only asks it
/// where identifiers stand, so that it knows nothing of any one numbering scheme.
public protocol IdentifierGrammar: Sendable {
    /// The length in UTF-8 bytes of the identifier that starts at the first byte, or nil.
    func identifierLength(atStartOf bytes: [UInt8]) -> Int?

    /// Every identifier-shaped token in `text` that stands alone as a word, as UTF-8 byte
    /// ranges of `text`.
    func identifierTokens(in text: String) -> [(range: Range<Int>, identifier: String)]

    /// Whether a rule heading has its identifier at the end, in parentheses
    /// (`## Title (C-CASE)`), rather than first (`## CONF-2 Title`).
    var identifierAtEnd: Bool { get }

    /// Whether `word`, where a rule heading has its identifier, looks like an identifier that
    /// the grammar does not accept (so the heading is a plain one, which the reader reports).
    func refuses(_ word: [UInt8]) -> Bool
}

extension IdentifierGrammar {
    public var identifierAtEnd: Bool { false }
    public func refuses(_ word: [UInt8]) -> Bool { false }
}
