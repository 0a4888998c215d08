import Foundation
import Testing
@testable import HandbookKit

/// The default handbook in Content/: it builds cleanly, and the committed Site/ is exactly
/// what a build produces.
@Suite("The default handbook")
struct DefaultHandbookTests {
    let output: String
    let report: BuildReport
    /// Holds the output, and the lock file a build leaves beside it, until the test ends.
    private let temporary: TemporaryFolder

    init() async throws {
        temporary = try TemporaryFolder("handbook-site-")
        output = temporary.path + "/Site"
        report = await HandbookBuilder.build(
            BuildOptions(content: Repository.content, templates: Repository.templates, output: output, strict: true))
    }

    @Test("builds with no errors and no warnings, even with --strict")
    func clean() {
        #expect(report.diagnostics.map(\.description) == [])
    }

    @Test("the committed Site/ is byte for byte what the build produces (run `make site` if not)")
    func siteIsCurrent() throws {
        let built = try folderContents(output)
        let committed = try folderContents(Repository.site)
        #expect(Set(committed.keys).symmetricDifference(built.keys).sorted() == [])
        let differing = built.keys.filter { committed[$0] != nil && committed[$0] != built[$0] }.sorted()
        #expect(differing == [])
    }

    @Test("every internal link and anchor resolves")
    func links() throws {
        let (checked, broken) = try SiteLinks.broken(in: output)
        #expect(checked > 1000)
        #expect(broken.map(\.description) == [])
    }

    @Test("every rule is cited by a chapter, another rule or a tip; every chapter has a summary and a date")
    func editorial() throws {
        let index = try JSONDecoder().decode(
            HandbookIndex.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/handbook.json")))
        #expect(index.rules.count >= 30)
        #expect(index.rules.filter { $0.citedBy.isEmpty }.map(\.id) == [])
        #expect(index.chapters.filter { $0.summary == nil || $0.updated == nil }.map(\.slug) == [])
        #expect(index.tipLists.count >= 4)
        #expect((10...14).contains(index.chapters.count))
        #expect(index.language == "en-GB")
    }
}
