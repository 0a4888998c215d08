/// What `rule_id_pattern` may hold beyond what `regcomp` accepts: POSIX extended syntax only,
/// no back-references, balanced parentheses, a bounded length and bounded counted repetitions.
/// Perl's shorthands mean something else to POSIX (`\d` is a plain `d`), so they are refused
/// with what to write instead rather than left to match the wrong thing.
enum RulePatternSyntax {
    typealias Problem = RuleIdentifierPattern.Problem

    static func problem(in source: String) -> Problem? {
        if source.isEmpty {
            return Problem(message: "rule_id_pattern is empty", suggestion: "write a pattern such as [A-Z]+-[0-9]+, or remove the line for the built-in grammar")
        }
        if source.utf8.count > RuleIdentifierPattern.maxLength {
            return Problem(
                message: "rule_id_pattern has \(source.utf8.count) characters, over the limit of \(RuleIdentifierPattern.maxLength)",
                suggestion: "describe the identifiers with a shorter pattern")
        }
        if !source.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) {
            return Problem(
                message: "rule_id_pattern holds a character that is not printable ASCII, which no identifier may hold",
                suggestion: "identifiers are ASCII letters, digits, '.', '-' and '_'")
        }
        let bytes = Array(source.utf8)
        var index = 0
        var depth = 0
        var repetition = 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else {
                    return Problem(message: "rule_id_pattern ends with a lone backslash", suggestion: "write \\\\ for a backslash, or remove it")
                }
                if let problem = escape(bytes[index + 1]) { return problem }
                index += 2
                continue
            case UInt8(ascii: "["):
                index = endOfBracket(bytes, from: index)
                continue
            case UInt8(ascii: "("):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") {
                    return Problem(
                        message: "rule_id_pattern uses '(?', Perl's syntax for special groups, which POSIX regular expressions do not have",
                        suggestion: "use a plain group ( ... ); every group only groups")
                }
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth < 0 {
                    return Problem(message: "rule_id_pattern closes a group it never opened", suggestion: "remove the ')' or add its '('")
                }
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "}"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") {
                    return Problem(
                        message: "rule_id_pattern uses a lazy quantifier ('\(Character(Unicode.Scalar(byte)))?'), which is Perl's syntax",
                        suggestion: "drop the '?': the pattern matches the whole identifier, so laziness changes nothing")
                }
            case UInt8(ascii: "{"):
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "}") { end += 1 }
                let counts = String(decoding: bytes[(index + 1)..<min(end, bytes.count)], as: UTF8.self)
                    .split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
                let largest = counts.compactMap { $0 }.max() ?? 1
                repetition *= max(1, largest)
                if largest > RuleIdentifierPattern.maxRepetition || repetition > RuleIdentifierPattern.maxRepetition {
                    return Problem(
                        message: "rule_id_pattern's counted repetitions ({m,n}) multiply to more than \(RuleIdentifierPattern.maxRepetition)",
                        suggestion: "use smaller counts, or + and *, which are unbounded at no cost")
                }
            default:
                break
            }
            index += 1
        }
        if depth != 0 {
            return Problem(message: "rule_id_pattern opens a group it never closes", suggestion: "add the missing ')'")
        }
        return nil
    }

    /// A problem with the escape `\c`, or nil for an escape POSIX reads as the character itself.
    private static func escape(_ c: UInt8) -> Problem? {
        switch c {
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            return Problem(
                message: "rule_id_pattern uses a back-reference (\\\(Character(Unicode.Scalar(c)))), which can make matching take exponential time",
                suggestion: "write the repeated part out again instead of referring back to it")
        default:
            guard let instead = perlShorthands[c] else { return nil }
            return Problem(
                message: "rule_id_pattern uses \\\(Character(Unicode.Scalar(c))), Perl's shorthand, which POSIX regular expressions read as a plain '\(Character(Unicode.Scalar(c)))'",
                suggestion: "write \(instead) instead")
        }
    }

    private static let perlShorthands: [UInt8: String] = [
        UInt8(ascii: "d"): "[0-9]", UInt8(ascii: "D"): "[^0-9]",
        UInt8(ascii: "w"): "[A-Za-z0-9_]", UInt8(ascii: "W"): "[^A-Za-z0-9_]",
        UInt8(ascii: "s"): "a space, ' '", UInt8(ascii: "S"): "[^ ]",
        UInt8(ascii: "b"): "nothing (the pattern is already matched against whole identifiers)",
        UInt8(ascii: "B"): "nothing (the pattern is already matched against whole identifiers)",
        UInt8(ascii: "A"): "^", UInt8(ascii: "z"): "$", UInt8(ascii: "Z"): "$",
    ]

    /// The index after the bracket expression that starts at `start`: `]` first in it is a
    /// member, and so is anything in `[:class:]`.
    private static func endOfBracket(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count,
                [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "=")].contains(bytes[index + 1])
            {
                let closer = bytes[index + 1]
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == closer && bytes[end + 1] == UInt8(ascii: "]")) { end += 1 }
                index = end + 2
                continue
            }
            if bytes[index] == UInt8(ascii: "]") { return index + 1 }
            index += 1
        }
        return bytes.count
    }
}
