import HandbookMarkdown

/// A grammar of the tests' own, so these tests do not depend on the handbook's: an upper-case
/// prefix, a hyphen and digits, standing alone as a word or after a parenthesis (`AB-12`).
struct TestGrammar: IdentifierGrammar {
    func identifierLength(atStartOf bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count, (65...90).contains(bytes[index]) { index += 1 }
        guard index > 0, index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return nil }
        let digits = index + 1
        index = digits
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index > digits ? index : nil
    }

    func identifierTokens(in text: String) -> [(range: Range<Int>, identifier: String)] {
        let bytes = Array(text.utf8)
        var found: [(range: Range<Int>, identifier: String)] = []
        var index = 0
        while index < bytes.count {
            let startsWord = index == 0 || bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "(")
            if startsWord, let length = identifierLength(atStartOf: Array(bytes[index...])) {
                found.append((index..<(index + length), String(decoding: bytes[index..<(index + length)], as: UTF8.self)))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }
}
