/// Where a handbook's own identifiers (`rule_id_pattern`) may stand, whatever the pattern:
/// runs of ASCII letters and digits joined by single inner `.`, `-` or `_`, which is also the
/// only form an identifier may have, since it names a file (`rules/<id>.html`).
enum RuleIdentifierCandidates {
    /// Whether `identifier` has the form every identifier must have: ASCII letters and digits
    /// joined by single `.`, `-` or `_`, starting and ending with a letter or digit, no longer
    /// than `InputLimits.identifierBytes`. So no identifier is `..`, holds `/` or is empty.
    static func isSafe(_ identifier: some Collection<UInt8>) -> Bool {
        guard !identifier.isEmpty, identifier.count <= InputLimits.identifierBytes else { return false }
        var previousWasSeparator = true
        for byte in identifier {
            if isAlphanumeric(byte) {
                previousWasSeparator = false
            } else if isSeparator(byte), !previousWasSeparator {
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return !previousWasSeparator
    }

    static func isSafe(_ identifier: String) -> Bool { isSafe(Array(identifier.utf8)) }

    /// The prefix of an identifier, which groups it with others for "known prefixes" and "did
    /// you mean": its parts before the first part that starts with a digit (`SL.con` for
    /// `SL.con.1`), or all but the last part when none does (`C` for `C-CASE`).
    static func prefix(of identifier: String) -> Substring {
        let bytes = Array(identifier.utf8)
        func first(_ count: Int) -> Substring { identifier[..<identifier.utf8.index(identifier.startIndex, offsetBy: count)] }
        if let head = bytes.first, isDigit(head) { return first(0) }
        var lastSeparator: Int?
        for (index, byte) in bytes.enumerated() where isSeparator(byte) {
            if index + 1 < bytes.count, isDigit(bytes[index + 1]) { return first(index) }
            lastSeparator = index
        }
        return first(lastSeparator ?? bytes.count)
    }

    /// The end of the candidate run that starts at `start` (a letter or digit): letters and
    /// digits joined by single separators, a separator at its end left out.
    static func runEnd(in bytes: some RandomAccessCollection<UInt8>, from start: Int) -> Int {
        let base = bytes.startIndex
        func byte(_ offset: Int) -> UInt8 { bytes[bytes.index(base, offsetBy: offset)] }
        var index = start
        while index < bytes.count {
            if isAlphanumeric(byte(index)) {
                index += 1
            } else if isSeparator(byte(index)), index + 1 < bytes.count, isAlphanumeric(byte(index + 1)) {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// The longest identifier that `accepts` takes at the start of the run `start..<end`: the
    /// whole run, or a leading part of it cut at a separator (`F.21` of `F.21-style`). Only
    /// parts no longer than an identifier may be are tried.
    static func longest(
        in bytes: some RandomAccessCollection<UInt8>, run: Range<Int>, accepts: ([UInt8]) -> Bool
    ) -> Int? {
        let base = bytes.startIndex
        let limit = min(run.upperBound, run.lowerBound + InputLimits.identifierBytes)
        let slice = (run.lowerBound..<limit).map { bytes[bytes.index(base, offsetBy: $0)] }
        var ends: [Int] = []
        for (offset, byte) in slice.enumerated() where isSeparator(byte) { ends.append(offset) }
        if limit == run.upperBound { ends.append(slice.count) }
        for end in ends.reversed() where accepts(Array(slice[0..<end])) {
            return end
        }
        return nil
    }

    /// Every identifier in `text` that `accepts` takes, standing alone: not glued to a letter,
    /// digit, `_` or `-` before it, nor to a letter, digit or `_` after it.
    static func tokens(in text: String, accepts: ([UInt8]) -> Bool) -> [(range: Range<Int>, identifier: String)] {
        let bytes = Array(text.utf8)
        var found: [(range: Range<Int>, identifier: String)] = []
        var index = 0
        while index < bytes.count {
            guard isAlphanumeric(bytes[index]) else {
                index += 1
                continue
            }
            let end = runEnd(in: bytes, from: index)
            let gluedBefore = index > 0 && (bytes[index - 1] == UInt8(ascii: "_") || bytes[index - 1] == UInt8(ascii: "-"))
            let gluedAfter = end < bytes.count && bytes[end] == UInt8(ascii: "_")
            if !gluedBefore, let length = longest(in: bytes, run: index..<end, accepts: accepts),
                !(index + length == end && gluedAfter)
            {
                found.append((index..<(index + length), String(decoding: bytes[index..<(index + length)], as: UTF8.self)))
            }
            index = end
        }
        return found
    }

    /// Whether `word` is shaped like an identifier: at least two parts of letters and digits
    /// joined by `.`, `-` or `_`, with a letter and a digit in it (`P.1`, `Conf-2`), or, with
    /// `digitOptional`, upper-case letters only instead (`C-CASE`). Ordinary words (`e-mail`)
    /// and numbers (`1.5`, `2026-11-21`) are not.
    static func isShaped(_ word: [UInt8], digitOptional: Bool = false) -> Bool {
        guard isSafe(word), word.contains(where: isSeparator) else { return false }
        let hasDigit = word.contains(where: isDigit)
        let hasLetter = word.contains { isAlphanumeric($0) && !isDigit($0) }
        let upperOnly = !word.contains { $0 >= 97 && $0 <= 122 }
        return hasLetter && (hasDigit || (digitOptional && upperOnly))
    }

    static func isSeparator(_ b: UInt8) -> Bool { b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
}
