import Foundation
import Testing
@testable import HandbookKit

/// One mistake, one error: a page whose front matter cannot be used still has its text parsed
/// and its rules defined, so that its own problems are reported in the same run and other pages'
/// references to its rules are not reported as unknown too.
@Suite("Errors do not cascade")
struct ErrorCascadeTests {
    private static let citing = "---\ntitle: B\n---\n\nSee FIRST-1, and [the rule](rule:FIRST-1.1).\n\n## SECOND-1 Two\n\nAs FIRST-1 says.\n"

    private func check(_ broken: String) async throws -> [Diagnostic] {
        let handbook = try TestHandbook(["handbook.yml": "title: T\n", "chapters/01-a.md": broken, "chapters/02-b.md": Self.citing], minimal: false)
        defer { handbook.remove() }
        let report = await handbook.build()
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: handbook.output), "nothing is written")
        return report.diagnostics
    }

    @Test("invalid YAML: its error and the file's own errors, and nothing about the pages that cite its rules")
    func invalidYAML() async throws {
        let diagnostics = try await check(
            "---\ntitle: A\nsummary: [unclosed\n---\n\n## FIRST-1 One\n\n### FIRST-1.1 Sub\n\nSee [x](rule:FIRST-9).\n")
        #expect(diagnostics.map(\.code) == [.yamlInvalid, .ruleUnknown], "\(diagnostics)")
        #expect(diagnostics.map(\.location.line) == [3, 10])
        #expect(diagnostics.allSatisfy { $0.location.file.hasSuffix("01-a.md") })
    }

    @Test("a misspelt title and a file without front matter: one error each, their rules still known")
    func unusableFrontMatter() async throws {
        let misspelt = try await check("---\ntitel: A\n---\n\n## FIRST-1 One\n\n### FIRST-1.1 Sub\n\nText.\n")
        #expect(misspelt.map(\.code) == [.configUnknownKey], "\(misspelt)")
        let missing = try await check("## FIRST-1 One\n\n### FIRST-1.1 Sub\n\nSee FIRST-7.\n")
        #expect(missing.map(\.code) == [.frontMatterMissing, .ruleUndefinedReference], "\(missing)")
    }

    @Test("a file that is only broken front matter is reported once, and its rules stay unknown")
    func nothingToParse() async throws {
        let diagnostics = try await check("---\ntitle: A\nsummary: [unclosed\n---\n")
        #expect(diagnostics.first?.code == .yamlInvalid)
        #expect(diagnostics.contains { $0.code == .ruleUnknown && $0.location.file.hasSuffix("02-b.md") })
    }
}
