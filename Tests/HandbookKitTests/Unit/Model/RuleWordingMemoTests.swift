import Testing
@testable import HandbookKit

/// A cached page's rule wordings are normalised once and then read from its memo; a page of a
/// whole build keeps none.
@Suite("Rule wordings kept with a cached page")
struct RuleWordingMemoTests {
    static let texts = ["  Post   with\tcare.\n", "Cafe\u{301}  and  caf\u{E9}", "", "one"]

    @Test("the memo gives exactly what normalising gives, the first time and after")
    func sameAsNormalising() {
        let keeping = RuleWordingMemo(keeping: true)
        let passing = RuleWordingMemo()
        for _ in 0..<2 {
            for text in Self.texts {
                #expect(keeping.normalised(text) == RuleWording.normalise(text))
                #expect(passing.normalised(text) == RuleWording.normalise(text))
            }
        }
        #expect(keeping.normalised("Cafe\u{301}  and  caf\u{E9}") == "Caf\u{E9} and caf\u{E9}")
    }

    @Test("pages parsed for serve's cache keep their wordings; those of a whole build do not")
    func onlyCachedPagesKeep() async throws {
        let handbook = try TestHandbook()
        let files = LoadStep.run(contentFolder: handbook.content).0.inventory.chapters
        let cache = BuildCache()
        let (cached, _) = await ParseStep.run(files, kind: .chapter, allowRawHTML: false, grammar: .standard, cache: cache)
        let (whole, _) = await ParseStep.run(files, kind: .chapter, allowRawHTML: false, grammar: .standard, cache: nil)
        #expect(try #require(cached.first).wordings.isKeeping)
        #expect(try !#require(whole.first).wordings.isKeeping)
    }
}
