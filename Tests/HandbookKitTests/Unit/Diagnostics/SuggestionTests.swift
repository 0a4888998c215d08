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

    /// Candidates and words where a search that skips candidates could go wrong: swapped
    /// letters, other prefixes, case, ties, the empty word, text equal in another Unicode form.
    static let trickyCandidates = [
        "CONF-1", "CONF-2", "CONF-12", "CONF-2.1", "conf-3", "Conf-3", "PRIV-1", "PRIV-12", "SL.con.1", "SL.con.12",
        "SL.cn.1", "title", "summary", "updated", "changes", "language", "", "a", "ab", "ba", "caf\u{E9}",
        "cafe\u{301}", "\u{130}stanbul", "STRASSE", "stra\u{DF}e",
    ]
    static let trickyWords = [
        "CONF-12", "CNOF-1", "conf-1", "CONF-21", "CONF-2.2", "CONF-3", "PRVI-1", "PRIV-2", "SL.con.2", "SL.cn.12",
        "SL.co.1", "titel", "udpated", "lagnuage", "", "b", "x", "ba", "abc", "cafe", "caf\u{E9}s", "istanbul",
        "i\u{307}stanbul", "strasse", "zzzzzz", "C-CASE", "CONF-1234567",
    ]

    @Test("the index gives the same suggestion as comparing with every candidate", arguments: trickyWords)
    func indexMatchesEveryCandidate(word: String) {
        var index = SuggestionIndex(Self.trickyCandidates)
        #expect(index.closest(to: word) == Suggestion.closest(to: word, in: Self.trickyCandidates))
        // A second question about the word is answered from what the first found.
        #expect(index.closest(to: word) == Suggestion.closest(to: word, in: Self.trickyCandidates))
    }

    @Test("of candidates at one distance the index takes the first in the alphabet, as the search of all does")
    func indexTies() {
        var index = SuggestionIndex(["CONF-3", "CONF-1", "CONF-2"])
        #expect(index.closest(to: "CONF-9") == "CONF-1")
        var none = SuggestionIndex([String]())
        #expect(none.closest(to: "CONF-1") == nil)
    }

    @Test("the index agrees with the search of all candidates on random words and candidates", arguments: [
        (["a", "b", "c", "A", "B", "-", ".", "1", "2", "\u{E9}", "e\u{301}"], 10), (["a", "b", "-"], 16),
    ])
    func indexMatchesOnRandomSets(letters: [String], longest: Int) {
        var generator = SeededGenerator(seed: UInt64(19 + longest))
        func word() -> String {
            (0..<Int.random(in: 0...longest, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<300 {
            let candidates = (0..<Int.random(in: 0...30, using: &generator)).map { _ in word() }
            var index = SuggestionIndex(candidates)
            for _ in 0..<20 {
                // Most words are slips of a candidate, so that many have a suggestion.
                var typed = word()
                if Int.random(in: 0..<4, using: &generator) > 0, let candidate = candidates.randomElement(using: &generator) {
                    var scalars = Array(candidate.unicodeScalars)
                    for _ in 0..<Int.random(in: 1...3, using: &generator) {
                        let at = Int.random(in: 0...scalars.count, using: &generator)
                        switch Int.random(in: 0..<4, using: &generator) {
                        case 0 where at + 1 < scalars.count: scalars.swapAt(at, at + 1)
                        case 1 where at < scalars.count: scalars.remove(at: at)
                        case 2 where at < scalars.count: scalars[at] = "c"
                        default: scalars.insert("b", at: at)
                        }
                    }
                    typed = String(String.UnicodeScalarView(scalars))
                }
                #expect(index.match(for: typed)?.candidate == Suggestion.closest(to: typed, in: candidates), "\(typed) in \(candidates)")
            }
        }
    }

    @Test("a match preferred to another as the search of all candidates prefers it")
    func preference() {
        let near = SuggestionIndex.Match(distance: 1, candidate: "b", position: 5)
        let others: [SuggestionIndex.Match?] = [
            nil, .init(distance: 2, candidate: "a", position: 0), .init(distance: 1, candidate: "c", position: 0),
            .init(distance: 1, candidate: "a", position: 9), .init(distance: 1, candidate: "b", position: 2),
        ]
        #expect(others.map { near.isPreferred(to: $0) } == [true, true, true, false, false])
    }

    @Test("of two indexes searched as one list, the second's match wins only if strictly closer")
    func closerOfTwo() {
        let first = ["CONF-1", "CONF-3", "PRIV-9"]
        for second in [["CONF-2"], ["CONF-0"], ["CONF-1"], ["CONF-12"], [], ["ZED-1"]] {
            var one = SuggestionIndex(first)
            var two = SuggestionIndex(second)
            for word in ["CONF-4", "CONF-11", "PRIV-8", "ZED-2", ""] {
                #expect(SuggestionIndex.closer(one.match(for: word), two.match(for: word))?.candidate
                    == Suggestion.closest(to: word, in: first + second))
            }
        }
    }
}
