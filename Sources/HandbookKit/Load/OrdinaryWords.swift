/// Ordinary words and numbers that no identifier pattern may match: a pattern that does would
/// turn prose into false identifiers, each a warning or a wrong link.
enum OrdinaryWords {
    /// Common English words, a few with hyphens, each tried in lower, Title and UPPER case.
    static let words = [
        "a", "an", "the", "and", "or", "not", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "be", "it", "its", "this", "that", "these", "you", "your", "we", "our", "they",
        "he", "she", "do", "does", "can", "may", "must", "should", "will", "would", "if", "when", "all",
        "each", "one", "two", "see", "use", "rule", "note", "example", "reason", "patient", "data", "code",
        "page", "time", "people", "work", "e-mail", "follow-up", "well-being", "up-to-date", "x-ray",
        "co-op", "re-use", "self-care", "long-term", "part-time",
    ]

    /// Numbers, decimals, dates, times and versions as prose writes them.
    static let numbers = [
        "0", "1", "7", "10", "42", "100", "2026", "1.5", "3.14", "0.5", "12.30", "1.2.3", "2026-11-21",
        "21-11-2026", "2026.11.21", "10-20", "24-7",
    ]

    static var all: [String] {
        words.flatMap { [$0, $0.prefix(1).uppercased() + $0.dropFirst(), $0.uppercased()] } + numbers
    }

    /// Those of the words and numbers that `pattern` matches.
    static func matched(by pattern: RuleIdentifierPattern) -> [String] {
        var seen = Set<String>()
        return all.filter { seen.insert($0).inserted && pattern.matches($0) }
    }
}
