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
