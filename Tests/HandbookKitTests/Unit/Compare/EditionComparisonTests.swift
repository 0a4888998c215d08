import Foundation
import Testing
@testable import HandbookKit

@Suite("Word diff and rule wording")
struct EditionComparisonTests {
    private func marked(_ old: String, _ new: String) -> String {
        WordDiff.runs(from: old, to: new).map { run in
            switch run.kind {
            case .same: run.text
            case .removed: "[-\(run.text)-]"
            case .inserted: "{+\(run.text)+}"
            }
        }.joined(separator: " ")
    }

    @Test("words removed come before words inserted, in reading order")
    func runs() {
        #expect(marked("keep it short", "keep it brief") == "keep it [-short-] {+brief+}")
        #expect(marked("a b c", "a b c") == "a b c")
        #expect(marked("", "all new words") == "{+all new words+}")
        #expect(marked("all old words", "") == "[-all old words-]")
        #expect(marked("tell the desk", "always tell the desk today") == "{+always+} tell the desk {+today+}")
    }

    @Test("one or two words kept between two changes join them; three do not")
    func joinsShortStretches() {
        #expect(marked("share a password with a colleague", "share a code or a password with anyone")
            == "share a [-password with a colleague-] {+code or a password with anyone+}")
        #expect(marked("one two keep these three words four", "uno dos keep these three words cuatro")
            == "[-one two-] {+uno dos+} keep these three words [-four-] {+cuatro+}")
    }

    @Test("the edit script of any two sequences rebuilds both")
    func scriptRebuildsBoth() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            let new = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            let script = WordDiff.script(from: old, to: new)
            #expect(script.filter { $0.0 != .inserted }.map(\.1) == old)
            #expect(script.filter { $0.0 != .removed }.map(\.1) == new)
        }
    }

    /// The script as it was made before the bound: from the standard library's difference.
    private func standardScript<Element: Hashable>(from old: [Element], to new: [Element]) -> [(WordDiff.Kind, Element)] {
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var script: [(WordDiff.Kind, Element)] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                script.append((.removed, old[i]))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                script.append((.inserted, new[j]))
                j += 1
            } else {
                script.append((.same, new[j]))
                (i, j) = (i + 1, j + 1)
            }
        }
        return script
    }

    /// Runs as they were made before words were appended in place: each piece built anew.
    private func standardRuns(from old: String, to new: String) -> [WordDiff.Run] {
        enum Piece {
            case same([String])
            case change([String], [String])
        }
        var pieces: [Piece] = []
        for (kind, word) in standardScript(from: old.split(separator: " ").map(String.init), to: new.split(separator: " ").map(String.init)) {
            switch (kind, pieces.last) {
            case (.same, .same(let words)?): pieces[pieces.count - 1] = .same(words + [word])
            case (.same, _): pieces.append(.same([word]))
            case (.removed, .change(let removed, let inserted)?): pieces[pieces.count - 1] = .change(removed + [word], inserted)
            case (.inserted, .change(let removed, let inserted)?): pieces[pieces.count - 1] = .change(removed, inserted + [word])
            case (.removed, _): pieces.append(.change([word], []))
            case (.inserted, _): pieces.append(.change([], [word]))
            }
        }
        var index = 1
        while index + 1 < pieces.count {
            if case .same(let kept) = pieces[index], kept.count <= 2,
                case .change(let removed, let inserted) = pieces[index - 1],
                case .change(let nextRemoved, let nextInserted) = pieces[index + 1]
            {
                pieces.replaceSubrange((index - 1)...(index + 1), with: [.change(removed + kept + nextRemoved, inserted + kept + nextInserted)])
            } else {
                index += 1
            }
        }
        return pieces.flatMap { piece -> [WordDiff.Run] in
            switch piece {
            case .same(let words): [.init(kind: .same, text: words.joined(separator: " "))]
            case .change(let removed, let inserted):
                (removed.isEmpty ? [] : [.init(kind: .removed, text: removed.joined(separator: " "))])
                    + (inserted.isEmpty ? [] : [.init(kind: .inserted, text: inserted.joined(separator: " "))])
            }
        }
    }

    @Test("runs are those made before, on random texts")
    func runsAsBefore() {
        var generator = SeededGenerator(seed: 7)
        let words = ["a", "b", "the", "of", "rule", "keep"]
        func text() -> String {
            (0..<Int.random(in: 0...30, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        }
        for _ in 0..<500 {
            let (old, new) = (text(), text())
            #expect(WordDiff.runs(from: old, to: new) == standardRuns(from: old, to: new), "\(old) to \(new)")
        }
    }

    @Test("within the bound the edit script is the one the standard library's difference gives")
    func scriptIsTheStandardOne() {
        var generator = SeededGenerator(seed: 19)
        for round in 0..<400 {
            let length = round < 300 ? 14 : 400
            let old = (0..<Int.random(in: 0...length, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            var new = round % 2 == 0 ? old : (0..<Int.random(in: 0...length, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            if round % 2 == 0 {
                for _ in 0..<Int.random(in: 0...6, using: &generator) where !new.isEmpty {
                    new[Int.random(in: 0..<new.count, using: &generator)] = Int.random(in: 0...6, using: &generator)
                }
            }
            let script = WordDiff.script(from: old, to: new)
            let standard = standardScript(from: old, to: new)
            #expect(script.map(\.0) == standard.map(\.0) && script.map(\.1) == standard.map(\.1), "\(old) to \(new)")
        }
    }

    @Test("a long text with a few words changed shows those words, as the standard library's difference would")
    func longTextFewChanges() {
        let old = (0..<10_000).map { "w\($0 % 700)" }
        var new = old
        new[10] = "changed"
        new[3_333] = "changed"
        new.insert("added", at: 5_000)
        new.remove(at: 9_990)
        let runs = WordDiff.runs(from: old.joined(separator: " "), to: new.joined(separator: " "))
        #expect(runs.map(\.kind) == [.same, .removed, .inserted, .same, .removed, .inserted, .same, .inserted, .same, .removed, .same])
        #expect(runs.filter { $0.kind == .inserted }.map(\.text) == ["changed", "changed", "added"])
        #expect(runs.filter { $0.kind == .removed }.map(\.text) == ["w10", "w533", "w189"])
        let script = WordDiff.script(from: old, to: new)
        let standard = standardScript(from: old, to: new)
        #expect(script.map(\.0) == standard.map(\.0) && script.map(\.1) == standard.map(\.1))
    }

    @Test("a completely different text of 10,000 words is one removal and one insertion")
    func completelyDifferent() {
        let old = (0..<10_000).map { "old\($0)" }.joined(separator: " ")
        let new = (0..<10_000).map { "new\($0)" }.joined(separator: " ")
        #expect(WordDiff.runs(from: old, to: new) == [.init(kind: .removed, text: old), .init(kind: .inserted, text: new)])
    }

    @Test("past the bound on changes, the words between the common beginning and end are removed, then inserted")
    func pastTheBound() {
        let middle = WordDiff.maximumEdits
        let old = ["keep", "this"] + (0..<middle).map { "a\($0)" } + ["and", "this"]
        let new = ["keep", "this"] + (0..<middle).map { "b\($0)" } + ["and", "this"]
        #expect(WordDiff.runs(from: old.joined(separator: " "), to: new.joined(separator: " ")) == [
            .init(kind: .same, text: "keep this"),
            .init(kind: .removed, text: old.dropFirst(2).dropLast(2).joined(separator: " ")),
            .init(kind: .inserted, text: new.dropFirst(2).dropLast(2).joined(separator: " ")),
            .init(kind: .same, text: "and this"),
        ])
    }

    @Test("the count of edits is that of the standard library's difference, or nil past the bound")
    func editCount() {
        var generator = SeededGenerator(seed: 91)
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...20, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
            let new = (0..<Int.random(in: 0...20, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
            let edits = new.difference(from: old).count
            #expect(EditCount.between(old, new, atMost: 40) == edits)
            #expect(EditCount.between(old, new, atMost: edits) == edits)
            if edits > 0 { #expect(EditCount.between(old, new, atMost: edits - 1) == nil) }
        }
    }

    @Test("wording is NFC with white space collapsed, and its hash is SHA-256")
    func wording() {
        #expect(RuleWording.normalise("  Do\nthis,\t\tthen   that. ") == "Do this, then that.")
        #expect(RuleWording.normalise("Cafe\u{301}") == RuleWording.normalise("Caf\u{E9}"))
        #expect(RuleWording.normalise("Cafe\u{301}").unicodeScalars.count == 4)
        // The quick path for ASCII gives what the Unicode path gives, white space of every kind included.
        let alphabet = Array("ab Z9.,\t\n\r\u{0B}\u{0C}\u{1C}\u{1F}\r\n-")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let unicodePath = text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(RuleWording.normalise(text) == unicodePath, "\(text.debugDescription)")
        }
        #expect(RuleWording.hash("abc") == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(RuleWording.hash("") == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
