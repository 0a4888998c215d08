import Foundation
import Testing
@testable import HandbookKit

/// Each kind of problem, reported with file, line and column, all of them in one run.
@Suite("Diagnostics")
struct DiagnosticsTests {
    private func build(_ files: [String: String], strict: Bool = false) async throws -> (TestHandbook, BuildReport) {
        let handbook = try TestHandbook(files)
        return (handbook, await handbook.build(strict: strict))
    }

    private func only(_ report: BuildReport, _ code: DiagnosticCode) throws -> Diagnostic {
        let found = report.diagnostics(code)
        #expect(found.count == 1, "expected one \(code), got \(report.diagnostics.map(\.description))")
        return try #require(found.first)
    }

    @Test("unknown rule in a rule: link, with did you mean")
    func unknownRule() async throws {
        let (_, report) = try await build([
            "chapters/02-second.md": "---\ntitle: Second\n---\n\nText and\nsee [this](rule:FIRST-11).\n",
        ])
        let problem = try only(report, .ruleUnknown)
        #expect(problem.severity == .error)
        #expect(problem.location.file.hasSuffix("Content/chapters/02-second.md"))
        #expect(problem.location.line == 6)
        #expect(problem.location.column == 5)
        #expect(problem.suggestion == "did you mean FIRST-1?")
        #expect(!report.succeeded)
    }

    @Test("duplicate identifier names both places")
    func duplicate() async throws {
        let (_, report) = try await build([
            "chapters/02-second.md": "---\ntitle: Second\n---\n\n## FIRST-1 Again\n",
        ])
        let problem = try only(report, .ruleDuplicate)
        #expect(problem.location.line == 5)
        #expect(problem.message.contains("chapters/01-first.md:8:1"))
    }

    @Test("broken chapter link and broken anchor")
    func brokenLinks() async throws {
        let (_, report) = try await build([
            "chapters/02-second.md": "---\ntitle: Second\n---\n\n[a](01-frist.md) and [b](01-first.md#nowhere) and [c](01-first.md#FIRST-1) and [d](#nothing).\n",
        ])
        let broken = try only(report, .linkBroken)
        #expect(broken.location.line == 5)
        #expect(broken.location.column == 1)
        #expect(broken.suggestion == "did you mean 'chapters/01-first.md'?")
        let anchors = report.diagnostics(.linkAnchor)
        #expect(anchors.map(\.location.column) == [22, 80])
        #expect(anchors.last?.message.contains("'chapters/02-second.md' has no heading or tip with the anchor '#nothing'") == true)
        #expect(report.diagnostics.count == 3)
    }

    @Test("missing media file, external image, root-relative link")
    func media() async throws {
        let (_, report) = try await build([
            "chapters/02-second.md": "---\ntitle: Second\n---\n\n![x](../media/missing.png)\n\n![y](https://example.org/y.png)\n\n[z](/chapters/a.html)\n",
        ])
        #expect(try only(report, .mediaMissing).location.line == 5)
        #expect(try only(report, .imageExternal).location.line == 7)
        #expect(try only(report, .linkAbsolute).location.line == 9)
    }

    @Test("invalid YAML in handbook.yml, at its line")
    func invalidConfig() async throws {
        let (_, report) = try await build(["handbook.yml": "title: Test\nsubtitle: [unclosed\nedition: 1\n"])
        let problem = try only(report, .yamlInvalid)
        #expect(problem.location.file.hasSuffix("Content/handbook.yml"))
        #expect(problem.location.line >= 2)
    }

    @Test("unknown and missing keys in handbook.yml")
    func configKeys() async throws {
        let (_, report) = try await build(["handbook.yml": "subtitle: S\nlanguge: en\n"])
        #expect(try only(report, .configUnknownKey).location.line == 2)
        #expect(try only(report, .configUnknownKey).suggestion == "did you mean 'language'?")
        #expect(try only(report, .configMissingKey).message.contains("title"))
    }

    @Test("a bad language tag")
    func language() async throws {
        let (handbook, report) = try await build(["handbook.yml": "title: T\nlanguage: English\n"])
        #expect(try only(report, .configLanguage).location == SourceLocation(file: DisplayPath.of(handbook.content + "/handbook.yml"), line: 2, column: 11))
    }

    @Test("a file that is not UTF-8")
    func encoding() async throws {
        let handbook = try TestHandbook()
        try handbook.write(Data("---\ntitle: Bad\n---\n\nna".utf8) + Data([0xFF]) + Data("ve\n".utf8), to: "chapters/02-bad.md")
        let report = await handbook.build()
        let problem = try only(report, .fileEncoding)
        #expect(problem.location.line == 5)
        #expect(problem.location.column == 3)
    }

    @Test("a template that does not parse, at the template's line and column")
    func templateSyntax() async throws {
        let handbook = try TestHandbook()
        let templates = handbook.folder + "/Templates"
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: templates)
        try "<p>\n{{#chapter}}\n  {{title}}\n{{/chapters}}\n".write(toFile: templates + "/partials/broken.mustache", atomically: true, encoding: .utf8)
        var copy = handbook
        copy.templates = templates
        let report = await copy.build()
        let problem = try only(report, .templateSyntax)
        #expect(problem.location.file.hasSuffix("Templates/partials/broken.mustache"))
        #expect(problem.location.line == 4)
        #expect(problem.message.contains("closed with a different name"))
    }

    @Test("a template that names a missing partial")
    func missingPartial() async throws {
        let handbook = try TestHandbook()
        let templates = handbook.folder + "/Templates"
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: templates)
        let index = try String(contentsOfFile: templates + "/index.mustache", encoding: .utf8)
        try ("{{> partials/sitefooter}}\n" + index).write(toFile: templates + "/index.mustache", atomically: true, encoding: .utf8)
        var copy = handbook
        copy.templates = templates
        let report = await copy.build()
        let problem = try only(report, .templateMissingPartial)
        #expect(problem.location.line == 1)
        #expect(problem.location.column == 1)
        #expect(problem.suggestion == "did you mean 'partials/site-footer'?")
    }

    @Test("no chapters at all")
    func noChapters() async throws {
        let handbook = try TestHandbook(["handbook.yml": "title: Empty\n"], minimal: false)
        let report = await handbook.build()
        #expect(try only(report, .contentNoChapters).location.file.hasSuffix("Content/chapters"))
    }

    @Test("an undefined identifier with a known prefix warns, and fails with --strict")
    func undefinedReference() async throws {
        let files = ["chapters/02-second.md": "---\ntitle: Second\n---\n\nSee FIRST-9 and COVID-19.\n"]
        let (_, report) = try await build(files)
        let warning = try only(report, .ruleUndefinedReference)
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 5)
        #expect(warning.location.column == 5)
        #expect(warning.suggestion?.hasPrefix("did you mean FIRST-1?") == true)
        #expect(report.succeeded)
        let (_, strict) = try await build(files, strict: true)
        #expect(try only(strict, .ruleUndefinedReference).severity == .error)
        #expect(!strict.succeeded)
    }

    @Test("rule headings below level 4 or inside quotes are not rules")
    func notRules() async throws {
        let (handbook, report) = try await build([
            "chapters/02-second.md": "---\ntitle: Second\n---\n\n##### NOTE-1 Level five\n\n> ## NOTE-2 In a quote\n\n# NOTE-3 Level one\n",
        ])
        #expect(report.succeeded)
        #expect(try handbook.index().rules.map(\.id) == ["FIRST-1"])
    }

    @Test("every problem in one run, sorted by file and line, printed like a compiler")
    func allAtOnce() async throws {
        let (_, report) = try await build([
            "handbook.yml": "title: T\ncolour: red\n",
            "chapters/02-second.md": "---\ntitle: Second\nupdated: someday\n---\n\n[x](rule:NOPE-1)\n\n[y](03-none.md)\n",
            "chapters/03-third.md": "---\nsummary: no title\n---\n",
            "tips/Bad Name.md": "---\ntitle: T\n---\n",
        ])
        let codes = Set(report.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: [.configUnknownKey, .frontMatterDate, .ruleUnknown, .linkBroken, .configMissingKey, .tipsName]))
        #expect(report.diagnostics == report.diagnostics.sortedForDisplay())
        for diagnostic in report.diagnostics {
            #expect(diagnostic.description.range(of: #"^[^:]+:\d+:\d+: (error|warning): .+"#, options: .regularExpression) != nil, "\(diagnostic)")
        }
    }
}
