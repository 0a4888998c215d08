/// Rule identifiers: `[A-Z][A-Z0-9]*-[0-9]+(\.[0-9]+)*`, such as CONF-1 or MSG-2.1.
enum RuleIdentifier {
    /// The identifier's prefix: `CONF` for `CONF-2.1`.
    static func prefix(of identifier: String) -> Substring {
        identifier.prefix { $0 != "-" }
    }

    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return match(in: bytes, at: 0) == bytes.count
    }

    /// The length of the identifier that starts at `start`, or nil. A trailing `.` that is not
    /// followed by a digit is not part of it (it ends a sentence).
    static func match(in bytes: some RandomAccessCollection<UInt8>, at start: Int) -> Int? {
        let base = bytes.startIndex
        func byte(_ offset: Int) -> UInt8? {
            offset < bytes.count ? bytes[bytes.index(base, offsetBy: offset)] : nil
        }
        guard let first = byte(start), isUpper(first) else { return nil }
        var index = start + 1
        while let b = byte(index), isUpper(b) || isDigit(b) { index += 1 }
        guard byte(index) == UInt8(ascii: "-"), let digit = byte(index + 1), isDigit(digit) else { return nil }
        index += 1
        while let b = byte(index), isDigit(b) { index += 1 }
        while byte(index) == UInt8(ascii: "."), let next = byte(index + 1), isDigit(next) {
            index += 1
            while let b = byte(index), isDigit(b) { index += 1 }
        }
        return index - start
    }

    /// Every identifier-shaped token in `text` that stands alone as a word: not glued to
    /// letters, digits, underscores or hyphens on either side.
    static func tokens(in text: String) -> [(range: Range<Int>, identifier: String)] {
        var text = text
        return text.withUTF8 { tokens(in: $0) }
    }

    private static func tokens(in bytes: some RandomAccessCollection<UInt8>) -> [(range: Range<Int>, identifier: String)] {
        var found: [(Range<Int>, String)] = []
        let base = bytes.startIndex
        func byte(_ offset: Int) -> UInt8 { bytes[bytes.index(base, offsetBy: offset)] }
        var index = 0
        let count = bytes.count
        while index < count {
            let b = byte(index)
            guard isUpper(b), index == 0 || !isWordByte(byte(index - 1)) else {
                index += 1
                continue
            }
            guard let length = match(in: bytes, at: index) else {
                index += 1
                continue
            }
            let end = index + length
            let gluedAfter = end < count && (isWordByte(byte(end)) && byte(end) != UInt8(ascii: "-")
                || (byte(end) == UInt8(ascii: "-") && end + 1 < count && isAlphanumeric(byte(end + 1))))
            if !gluedAfter {
                let slice = (index..<end).map { byte($0) }
                found.append((index..<end, String(decoding: slice, as: UTF8.self)))
            }
            index = end
        }
        return found
    }

    private static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isAlphanumeric(_ b: UInt8) -> Bool { isUpper(b) || isDigit(b) || (b >= 97 && b <= 122) }
    private static func isWordByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
}
