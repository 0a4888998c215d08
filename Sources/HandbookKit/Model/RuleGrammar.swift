/// How this handbook spells its rule identifiers and where a rule heading has one: the
/// built-in grammar (`RuleIdentifier`), or the handbook's own `rule_id_pattern`, and
/// `rule_id_position`. Every step that reads an identifier asks this value.
struct RuleGrammar: Sendable, Hashable {
    enum Position: String, Sendable, Hashable, CaseIterable {
        /// `## CONF-2 Title`
        case start
        /// `## Title (C-CASE)`
        case end
    }

    /// Nil for the built-in grammar, whose own code is kept: it is the common case and quick.
    var pattern: RuleIdentifierPattern?
    var position: Position = .start

    static let standard = RuleGrammar()

    /// Whether `identifier` is an identifier of this handbook: of the safe form every
    /// identifier has, and matched by the pattern.
    func isValid(_ identifier: String) -> Bool {
        guard let pattern else { return RuleIdentifier.isValid(identifier) }
        let bytes = Array(identifier.utf8)
        return RuleIdentifierCandidates.isSafe(bytes) && pattern.matches(bytes)
    }

    /// Every identifier in `text` standing alone as a word, by UTF-8 byte range.
    func tokens(in text: String) -> [(range: Range<Int>, identifier: String)] {
        guard let pattern else { return RuleIdentifier.tokens(in: text) }
        return RuleIdentifierCandidates.tokens(in: text) { pattern.matches($0) }
    }

    /// The length of the identifier that starts at `start`, or nil; the byte before it is not
    /// a letter or digit. The bytes after it are the caller's to check.
    func match(in bytes: some RandomAccessCollection<UInt8>, at start: Int) -> Int? {
        guard let pattern else { return RuleIdentifier.match(in: bytes, at: start) }
        guard start < bytes.count, RuleIdentifierCandidates.isAlphanumeric(bytes[bytes.index(bytes.startIndex, offsetBy: start)]) else {
            return nil
        }
        let end = RuleIdentifierCandidates.runEnd(in: bytes, from: start)
        return RuleIdentifierCandidates.longest(in: bytes, run: start..<end) { pattern.matches($0) }
    }

    /// The prefix that groups identifiers for "known prefixes" and "did you mean".
    func prefix(of identifier: String) -> Substring {
        pattern == nil ? RuleIdentifier.prefix(of: identifier) : RuleIdentifierCandidates.prefix(of: identifier)
    }
}

extension RuleGrammar {
    /// Whether a rule heading's identifier `word` (its first word, or what stands in the
    /// parentheses at its end) looks like an identifier the grammar does not accept: such a
    /// heading would silently become a plain heading, so it is reported.
    func refuses(_ word: [UInt8]) -> Bool {
        RuleIdentifierCandidates.isShaped(word, digitOptional: position == .end)
            && !isValid(String(decoding: word, as: UTF8.self))
    }
}
