import Foundation

/// A tip's closing citation: identifiers in parentheses at the very end of a list item,
/// `… before you post. (PRO-4.1, CONF-2)`, separated by commas, semicolons or "and". A tip list
/// shows these rules once, below the tip with their titles, rather than twice.
public struct TrailingCitation: Sendable, Hashable {
    /// The text node that ends the item.
    public var textNode: Int
    /// UTF-8 byte offsets within the node's literal: the parentheses, the identifiers between
    /// them, and the spaces before them.
    public var range: Range<Int>
    public var identifiers: [String]

    /// The citation that ends `literal`, when it is made of the identifier tokens `tokens` found
    /// in it and nothing else.
    static func find(
        in literal: String, textNode: Int, tokens: [(range: Range<Int>, identifier: String)]
    ) -> TrailingCitation? {
        let bytes = Array(literal.utf8)
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > 0, bytes[end - 1] == UInt8(ascii: ")") else { return nil }
        // Walk back over "ID, ID and ID" to the opening parenthesis, token by token.
        var cursor = end - 1
        var identifiers: [String] = []
        for token in tokens.reversed() {
            guard token.range.upperBound <= cursor else { continue }
            guard separatorOnly(bytes[token.range.upperBound..<cursor], first: identifiers.isEmpty) else { break }
            identifiers.insert(token.identifier, at: 0)
            cursor = token.range.lowerBound
            var open = cursor
            while open > 0, isSpace(bytes[open - 1]) { open -= 1 }
            if open > 0, bytes[open - 1] == UInt8(ascii: "(") {
                var start = open - 1
                while start > 0, isSpace(bytes[start - 1]) { start -= 1 }
                return TrailingCitation(textNode: textNode, range: start..<bytes.count, identifiers: identifiers)
            }
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    /// Whether the bytes between two identifiers (or after the last, `first`) are only a
    /// separator: spaces, and one comma, semicolon or "and" between two.
    private static func separatorOnly(_ between: ArraySlice<UInt8>, first: Bool) -> Bool {
        let word = String(decoding: between, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return first ? word.isEmpty : [",", ";", "and", ", and"].contains(word)
    }
}
