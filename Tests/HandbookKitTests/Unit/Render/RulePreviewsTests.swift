import Foundation
import Testing
@testable import HandbookKit

@Suite("Rule previews")
struct RulePreviewsTests {
    @Test("each rule's title and first sentence, in a script no text can break out of")
    func script() throws {
        let chapter = MemoryHandbook.page(
            "One", "## A-1 Close </script><script>alert(1)</script> tags\n\nSay `</script>` and ${x} once. Then more.\n\n## A-2 Plain\n\nJust this.\n")
        let handbook = try MemoryHandbook(chapters: [("01-one.md", chapter)], tipLists: []).resolved()
        let script = try RulePreviews.script(handbook)
        #expect(script.hasPrefix("window.handbookRulePreviews = {"))
        #expect(script.hasSuffix("};\n"))
        #expect(!script.contains("<") && !script.contains("${"))
        // Read back as the browser would: the JSON between the assignment and the semicolon.
        let json = script.dropFirst("window.handbookRulePreviews = ".count).dropLast(2)
        let previews = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]])
        // Raw HTML in a heading is dropped (and reported) as anywhere else; a code span keeps its text.
        #expect(previews["A-1"] == ["Close alert(1) tags", "Say </script> and ${x} once."])
        #expect(previews["A-2"] == ["Plain", "Just this."])
    }

    @Test("a script made after another has the new titles and sentences, and the rules that are gone are not in it")
    func remade() throws {
        func previews(_ text: String) throws -> [String: [String]] {
            let handbook = try MemoryHandbook(chapters: [("01-one.md", MemoryHandbook.page("One", text))], tipLists: []).resolved()
            let script = try RulePreviews.script(handbook)
            let json = script.dropFirst("window.handbookRulePreviews = ".count).dropLast(2)
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]])
        }
        #expect(try previews("## B-1 First\n\nOne. Two.\n\n## B-2 Second\n\nThree.\n")
            == ["B-1": ["First", "One."], "B-2": ["Second", "Three."]])
        #expect(try previews("## B-1 First again\n\nOne. Two.\n\n## B-3 Third\n\nFour.\n")
            == ["B-1": ["First again", "One."], "B-3": ["Third", "Four."]])
    }

    @Test("the first sentence: the first line that is not empty, up to a full stop and a space, or at most 200 characters")
    func firstSentence() {
        #expect(FirstSentence.of("\n\nFirst one. Second.") == "First one.")
        #expect(FirstSentence.of("Version 2.5 is out") == "Version 2.5 is out")
        #expect(FirstSentence.of("Ends here.\nNext line. More.") == "Ends here.")
        #expect(FirstSentence.of("") == "")
        let accented = String(repeating: "é", count: 150)
        #expect(FirstSentence.of(accented) == accented, "300 bytes, but 150 characters")
        let long = String(repeating: "ü", count: 201)
        #expect(FirstSentence.of(long) == String(repeating: "ü", count: 199) + "…")
        #expect(FirstSentence.of("Über alles. Danach.") == "Über alles.")
    }
}
