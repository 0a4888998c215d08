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

    static func tokens(in text: String, grammar: RuleGrammar = .standard) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        let ascii = scalars.map { $0.isASCII ? UInt8($0.value) : 0 }
        var tokens: [Token] = []
        var separator = String.UnicodeScalarView()
        var index = 0

        func flushSeparator() {
            guard !separator.isEmpty else { return }
            let text = String(separator)
            if text != " " { tokens.append(Token(text: text, kind: .separator)) }
            separator = String.UnicodeScalarView()
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                let startsWord = index == 0 || !isWordScalar(scalars[index - 1])
                if startsWord, let length = grammar.match(in: ascii, at: index),
                    index + length == scalars.count || !isWordScalar(scalars[index + length])
                {
                    flushSeparator()
                    tokens.append(Token(text: String(String.UnicodeScalarView(scalars[index..<(index + length)])), kind: .identifier))
                    index += length
                    continue
                }
                var end = index
                while end < scalars.count {
                    if isWordScalar(scalars[end]) {
                        end += 1
                    } else if isApostrophe(scalars[end]), end + 1 < scalars.count, end > index,
                        scalars[end + 1].properties.isAlphabetic
                    {
                        end += 1
                    } else {
                        break
                    }
                }
                flushSeparator()
                tokens.append(Token(text: String(String.UnicodeScalarView(scalars[index..<end])), kind: .word))
                index = end
            } else {
                if scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                    if separator.last != " " { separator.append(" ") }
                } else {
                    separator.append(scalar)
                }
                index += 1
            }
        }
        flushSeparator()
        return tokens
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
