import Foundation
import Testing
@testable import HandbookKit

@Suite("HandbookBuilder.check")
struct CheckTests {
    private func check(_ handbook: TestHandbook, strict: Bool = false, search: Bool = true) async -> (CheckedHandbook, [Diagnostic]) {
        await HandbookBuilder.check(
            BuildOptions(content: handbook.content, templates: handbook.templates, output: handbook.output, strict: strict),
            search: search)
    }

    @Test("a handbook without problems checks clean, into the resolved handbook, its templates and its search index")
    func clean() async throws {
        let handbook = try TestHandbook()
        defer { handbook.remove() }
        let (checked, diagnostics) = await check(handbook)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(checked.handbook?.rules.map(\.identifier) == ["FIRST-1"])
        #expect(checked.templates != nil && checked.search != nil)
        #expect(checked.configPath.hasSuffix("/Content/handbook.yml"))
        #expect(await check(handbook, search: false).0.search == nil, "the search index is left for later when asked")
        #expect(!FileManager.default.fileExists(atPath: handbook.output), "checking writes nothing")
    }

    @Test("broken YAML front matter and an unknown rule are both reported, sorted by file and line, at file:line")
    func problems() async throws {
        let handbook = try TestHandbook([
            "chapters/01-first.md": "---\ntitle: First\n---\n\n## FIRST-1 Do the first thing\n\nSee [the other](rule:FIRST-2).\n",
            "chapters/02-broken.md": "---\ntitle: [unclosed\n---\n\nText.\n",
        ])
        defer { handbook.remove() }
        let (_, diagnostics) = await check(handbook)

        #expect(diagnostics.map(\.code) == [.ruleUnknown, .yamlInvalid])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics == diagnostics.sortedForDisplay())
        let unknown = try #require(diagnostics.first)
        #expect(unknown.location.file.hasSuffix("/Content/chapters/01-first.md"))
        #expect(unknown.location.line == 7)
        #expect(unknown.description.hasPrefix("\(unknown.location.file):7:"))
        #expect(unknown.suggestion == "did you mean FIRST-1?")
        let yaml = try #require(diagnostics.last)
        #expect(yaml.location.file.hasSuffix("/Content/chapters/02-broken.md"))
        #expect(yaml.location.line == 2, "at the broken value in the front matter, not at the file's start")
        #expect(yaml.description.hasPrefix("\(yaml.location.file):\(yaml.location.line):"))
    }

    @Test("--strict promotes warnings to errors, at the same places")
    func strict() async throws {
        let handbook = try TestHandbook([
            "chapters/01-first.md": "---\ntitle: First\n---\n\n## FIRST-1 Do the first thing\n\nNot FIRST-9.\n",
            "chapters/notes.txt": "not a chapter",
        ])
        defer { handbook.remove() }
        let (_, relaxed) = await check(handbook)
        #expect(relaxed.map(\.code) == [.ruleUndefinedReference, .contentIgnored], "chapters/01-first.md before chapters/notes.txt")
        #expect(relaxed.allSatisfy { $0.severity == .warning })
        #expect(!relaxed.hasErrors)

        let (_, strict) = await check(handbook, strict: true)
        #expect(strict.map(\.code) == relaxed.map(\.code))
        #expect(strict.map(\.location) == relaxed.map(\.location))
        #expect(strict.allSatisfy { $0.severity == .error })
    }
}
