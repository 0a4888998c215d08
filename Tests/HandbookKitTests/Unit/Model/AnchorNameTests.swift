import Testing
@testable import HandbookKit

@Suite("Model: anchor names")
struct AnchorNameTests {
    @Test("an ASCII letter, then letters, digits, hyphens, underscores and full stops, bounded")
    func valid() {
        for name in ["a", "rf-out-multi", "F.21", "Sec_2.1-b"] {
            #expect(AnchorName.isValid(name), "\(name)")
            #expect(AnchorName.problem(name) == nil)
        }
        #expect(AnchorName.problem("") == "it is empty")
        #expect(AnchorName.problem("1st")?.contains("start with a letter") == true)
        #expect(AnchorName.problem("-x")?.contains("start with a letter") == true)
        #expect(AnchorName.problem("has space")?.contains("only letters") == true)
        #expect(AnchorName.problem("café")?.contains("only letters") == true)
        #expect(AnchorName.problem("a\"><script>")?.contains("only letters") == true)
        #expect(AnchorName.isValid(String(repeating: "a", count: InputLimits.anchorBytes)))
        #expect(AnchorName.problem(String(repeating: "a", count: InputLimits.anchorBytes + 1))?.contains("over") == true)
    }
}
