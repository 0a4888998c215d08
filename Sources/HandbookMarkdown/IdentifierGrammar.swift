/// How rule identifiers are spelled. The handbook's grammar decides; this target only asks it
/// where identifiers stand, so that it knows nothing of any one numbering scheme.
public protocol IdentifierGrammar: Sendable {
    /// The length in UTF-8 bytes of the identifier that starts at the first byte, or nil.
    func identifierLength(atStartOf bytes: [UInt8]) -> Int?

    /// Every identifier-shaped token in `text` that stands alone as a word, as UTF-8 byte
    /// ranges of `text`.
    func identifierTokens(in text: String) -> [(range: Range<Int>, identifier: String)]
}
