import Foundation
import Testing
@testable import HandbookKit

/// The search index is made while the pages are rendered; its one diagnostic, an index over its
/// size budget, still reaches the report, and with `--strict` still stops the build before
/// anything is written.
@Suite("A build whose search index is over budget")
struct SearchBudgetBuildTests {
    static let tightConfig = "title: Test handbook\nedition: \"1\"\nsearch_index_budget: 0.01\n"
    /// A chapter of 3,000 different words, whose index is well over 8 KB, the budget's allowance.
    static let wordyChapter = "---\ntitle: Words\n---\n\n" + (1...3000).map { "term\($0)" }.joined(separator: " ") + "\n"

    @Test("the build succeeds with the warning, at handbook.yml")
    func warning() async throws {
        let handbook = try TestHandbook(["handbook.yml": Self.tightConfig, "chapters/02-words.md": Self.wordyChapter])
        let report = await handbook.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.code) == [.searchBudget])
        #expect(report.diagnostics.first?.location.file.hasSuffix("handbook.yml") == true)
        #expect(FileManager.default.fileExists(atPath: handbook.output + "/search-index.json"))
    }

    @Test("with --strict it is an error, and the previous site is left exactly as it was")
    func strict() async throws {
        let handbook = try TestHandbook(["chapters/02-words.md": Self.wordyChapter])
        #expect(await handbook.build().succeeded)
        let before = try folderContents(handbook.output)
        try handbook.write(Self.tightConfig, to: "handbook.yml")
        try handbook.write("---\ntitle: First\n---\n\nChanged.\n\n## FIRST-1 Do the first thing\n\nBecause.\n", to: "chapters/01-first.md")
        let report = await handbook.build(strict: true)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.code) == [.searchBudget])
        #expect(report.diagnostics.first?.severity == .error)
        #expect(try folderContents(handbook.output) == before, "the failed build changed the site")
        #expect(try leftovers(beside: handbook.output) == [])
    }
}
