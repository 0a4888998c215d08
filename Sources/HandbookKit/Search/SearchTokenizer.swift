import Foundation

/// Splits text into words, rule identifiers and the separators between them.
///
/// Words are runs of Unicode letters and digits (with apostrophes inside them); a rule
/// identifier (CONF-2.1) is one token. Whitespace is collapsed, so a single space between two
/// words is implied and not a token.
enum SearchTokenizer {
    enum Kind: Equatable, Sendable {
        case word
        case identifier
        case separator
    }

    struct Token: Equatable, Sendable {
        var text: String
        var kind: Kind
    }

    /// Reads the text's UTF-8 bytes as they are stored: most text is ASCII, one byte a
    /// character, and a token's text is a run of those bytes.
    static func tokens(in text: String, grammar: RuleGrammar = .standard) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(in: $0, grammar: grammar) }
    }

    private static func tokens(in bytes: UnsafeBufferPointer<UInt8>, grammar: RuleGrammar) -> [Token] {
        var tokens: [Token] = []
        var separator: [UInt8] = []
        var index = 0
        // Whether the character before `index` is part of a word.
        var afterWord = false

        func flushSeparator() {
            guard !separator.isEmpty else { return }
            if separator != [0x20] { tokens.append(Token(text: String(decoding: separator, as: UTF8.self), kind: .separator)) }
            separator.removeAll(keepingCapacity: true)
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        while index < bytes.count {
            let (scalar, length) = scalar(in: bytes, at: index)
            if isWordScalar(scalar) {
                // A non-ASCII byte matches no identifier, as a character outside ASCII does not.
                if !afterWord, let match = grammar.match(in: bytes, at: index),
                    index + match == bytes.count || !isWordScalar(self.scalar(in: bytes, at: index + match).scalar)
                {
                    flushSeparator()
                    tokens.append(Token(text: text(index..<(index + match)), kind: .identifier))
                    index += match
                    afterWord = true
                    continue
                }
                var end = index + length
                while end < bytes.count {
                    let (next, nextLength) = self.scalar(in: bytes, at: end)
                    if isWordScalar(next) {
                        end += nextLength
                    } else if isApostrophe(next), end + nextLength < bytes.count,
                        self.scalar(in: bytes, at: end + nextLength).scalar.properties.isAlphabetic
                    {
                        end += nextLength
                    } else {
                        break
                    }
                }
                flushSeparator()
                tokens.append(Token(text: text(index..<end), kind: .word))
                index = end
                afterWord = true
            } else {
                if scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                    if separator.last != 0x20 { separator.append(0x20) }
                } else {
                    separator.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                }
                index += length
                afterWord = false
            }
        }
        flushSeparator()
        return tokens
    }

    /// The character whose UTF-8 encoding starts at `index` of valid UTF-8, and its length.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        guard case .valid(let encoded) = parser.parseScalar(from: &iterator) else { return ("\u{FFFD}", 1) }
        return (Unicode.UTF8.decode(encoded), encoded.count)
    }

    /// The form words are matched in: lower case, without diacritics.
    static func fold(_ word: String) -> String {
        // ASCII has no diacritics and folds to lower case: the common case, and much quicker.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // Unicode property lookups are slow, and most text is ASCII: letters and digits only.
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }
}
