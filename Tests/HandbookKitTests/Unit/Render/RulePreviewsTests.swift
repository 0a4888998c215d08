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
}
