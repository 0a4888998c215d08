import Testing
@testable import HandbookKit

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    @Test("the closest candidate within a small distance, or none")
    func closest() {
        #expect(Suggestion.closest(to: "CONF-12", in: ["CONF-1", "CONF-2", "PRIV-1"]) == "CONF-1")
        #expect(Suggestion.closest(to: "sumary", in: ["title", "summary", "updated"]) == "summary")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["title", "summary"]) == nil)
    }

    @Test("two swapped letters count as one slip", arguments: [
        ("titel", "title"), ("udpated", "updated"), ("summray", "summary"), ("lagnuage", "language"),
    ])
    func swappedLetters(typed: String, meant: String) {
        #expect(Suggestion.closest(to: typed, in: ["title", "summary", "updated", "changes", "language"]) == meant)
    }

    @Test("distances", arguments: [
        ("title", "title", 0), ("titel", "title", 1), ("ab", "ba", 1), ("abc", "ca", 3), ("kitten", "sitting", 3),
        ("", "abc", 3),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 5) == expected)
    }

    @Test("past the limit it gives up with limit + 1")
    func limit() {
        #expect(Suggestion.editDistance(Array("abcdef".unicodeScalars), Array("uvwxyz".unicodeScalars), limit: 2) == 3)
        #expect(Suggestion.editDistance(Array("badcfe".unicodeScalars), Array("abcdef".unicodeScalars), limit: 3) == 3)
    }
}
