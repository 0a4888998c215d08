import Foundation
import Testing
import ZIPFoundation
@testable import HandbookKit

/// The fixtures with their own identifier schemes (`rule_id_pattern`, `rule_id_position: end`,
/// `id:` in front matter), each built with `--strict`: their identifiers as published, in
/// every edition.
@Suite("End to end: a handbook's own identifier grammar")
struct IdentifierGrammarTests {
    private struct Built {
        let handbook: TestHandbook
        let report: BuildReport

        init(_ fixture: String) async throws {
            handbook = try TestHandbook(fixture: fixture)
            report = await handbook.build(strict: true)
        }

        func epubDocument(_ suffix: String) throws -> String {
            let archive = try Archive(url: URL(fileURLWithPath: handbook.output + "/handbook.epub"), accessMode: .read)
            let entry = try #require(archive.first { $0.path.hasSuffix(suffix) }, "the EPUB has \(suffix)")
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }

        /// Each rule's identifier, its permalink, and the ids of what cites it, from handbook.json.
        func rules() throws -> [String: (permalink: String, url: String, citedBy: [String])] {
            let index = try handbook.index()
            return Dictionary(uniqueKeysWithValues: index.rules.map { ($0.id, ($0.permalink, $0.url, $0.citedBy.map(\.id))) })
        }
    }

    private func expectClean(_ built: Built) throws {
        #expect(built.report.succeeded)
        #expect(built.report.diagnostics.map(\.description) == [])
        let links = try SiteLinks.broken(in: built.handbook.output)
        #expect(links.checked > 50)
        #expect(links.broken.map(\.description) == [])
    }

    @Test("coding guidelines: dotted, mixed-case identifiers in several parts")
    func codingGuidelines() async throws {
        let built = try await Built("coding-guidelines")
        try expectClean(built)
        let rules = try built.rules()
        #expect(Set(rules.keys) == ["P.1", "P.2", "F.1", "F.21", "Con.1", "Con.2", "SL.con.1", "SL.con.2"])
        #expect(rules["SL.con.1"]?.permalink == "rules/SL.con.1.html")
        #expect(rules["SL.con.1"]?.url == "chapters/standard-library.html#SL.con.1")
        #expect(Set(rules["F.21"]?.citedBy ?? []) == ["philosophy", "P.1", "SL.con.2", "review"])
        #expect(Set(rules["Con.1"]?.citedBy ?? []) == ["philosophy", "P.2", "F.21", "Con.2", "review"])

        let philosophy = try built.handbook.read("chapters/philosophy.html")
        #expect(philosophy.contains(#"as <a class="rule-ref" href="../chapters/functions.html#F.21" title="Return several values as a structure rather than through parameters">F.21</a>&#39;s advice"#)
            || philosophy.contains(#"as <a class="rule-ref" href="../chapters/functions.html#F.21" title="Return several values as a structure rather than through parameters">F.21</a>'s advice"#))
        #expect(philosophy.contains(#"See <a class="rule-ref" href="../chapters/standard-library.html#SL.con.1" title="Prefer a standard container to a built-in array">SL.con.1</a>."#))
        #expect(philosophy.contains(#"(<a class="rule-ref" href="../chapters/constants.html#Con.1""#))
        let page = try built.handbook.read("rules/SL.con.1.html")
        #expect(page.contains("SL.con.1"))
        #expect(page.contains(#"<a href="../chapters/philosophy.html#P.2">P.2 Prefer compile-time checks to run-time checks</a>"#), "cited by P.2")

        let print = try built.handbook.read("print.html")
        for id in ["P.1", "F.21", "Con.1", "SL.con.1"] { #expect(print.contains(" id=\"\(id)\""), "print has #\(id)") }
        #expect(print.contains(##"<a class="rule-ref" href="#SL.con.1""##))
        let epub = try built.epubDocument("chapter-philosophy.xhtml")
        #expect(epub.contains(#"href="chapter-standard-library.xhtml#SL.con.1""#))
        #expect(epub.contains(#"<h2 id="P.1" class="rule-heading">"#))
        let search = try built.handbook.read("search-index.json")
        #expect(search.contains(#""SL.con.1""#) && search.contains(#""Con.1""#))
        let schema = try built.handbook.read("handbook.schema.json")
        #expect(schema.contains("rule_id_pattern") && !schema.contains("^[A-Z][A-Z0-9]*-"))
    }

    @Test("API guidelines: the identifier at the end of the heading, in parentheses")
    func apiGuidelines() async throws {
        let built = try await Built("api-guidelines")
        try expectClean(built)
        let rules = try built.rules()
        #expect(Set(rules.keys) == ["C-CASE", "C-CONV", "C-GETTER", "C-COMMON-TRAITS", "C-GOOD-ERR"])
        #expect(Set(rules["C-CASE"]?.citedBy ?? []) == ["naming", "C-CONV", "C-GOOD-ERR"])
        let index = try built.handbook.index()
        #expect(index.rules.first { $0.id == "C-CASE" }?.title == "Casing follows the language's conventions")

        let naming = try built.handbook.read("chapters/naming.html")
        #expect(naming.contains(#"<h2 id="C-CASE" class="rule-heading"><a class="rule-id" href="../rules/C-CASE.html">C-CASE</a> <span class="rule-title">Casing follows the language&#39;s conventions</span></h2>"#)
            || naming.contains(#"<h2 id="C-CASE" class="rule-heading"><a class="rule-id" href="../rules/C-CASE.html">C-CASE</a> <span class="rule-title">Casing follows the language's conventions</span></h2>"#))
        #expect(!naming.contains("(C-CASE)</"), "the identifier is not left in the title")
        let interop = try built.handbook.read("chapters/interoperability.html")
        #expect(interop.contains(#"follows (<a class="rule-ref" href="../chapters/naming.html#C-CASE""#))
        let print = try built.handbook.read("print.html")
        #expect(print.contains(#" id="C-GOOD-ERR""#) && print.contains(##"href="#C-CONV""##))
        let epub = try built.epubDocument("chapter-interoperability.xhtml")
        #expect(epub.contains(#"href="chapter-naming.xhtml#C-CASE""#))
    }

    @Test("security standard: identifiers with several hyphens, prefixes of several parts")
    func securityStandard() async throws {
        let built = try await Built("security-standard")
        try expectClean(built)
        let rules = try built.rules()
        #expect(rules.count == 5)
        #expect(Set(rules["MASVS-STORAGE-1"]?.citedBy ?? []) == ["MASVS-STORAGE-2", "MASVS-CRYPTO-2"])
        #expect(Set(rules["MASVS-CRYPTO-2"]?.citedBy ?? []) == ["MASVS-STORAGE-1", "MASVS-NETWORK-1"])
        let storage = try built.handbook.read("chapters/storage.html")
        #expect(storage.contains(#"(<a class="rule-ref" href="../chapters/storage.html#MASVS-STORAGE-1""#))
        #expect(built.handbook.exists("rules/MASVS-NETWORK-1.html"))
        let print = try built.handbook.read("print.html")
        #expect(print.contains(#" id="MASVS-STORAGE-1""#))
        let epub = try built.epubDocument("chapter-network.xhtml")
        #expect(epub.contains(#"href="chapter-crypto.xhtml#MASVS-CRYPTO-2""#))
    }

    @Test("engineering standards: a chapter with id: is one rule, its requirements sub-rules")
    func engineeringStandards() async throws {
        let built = try await Built("engineering-standards")
        try expectClean(built)
        let rules = try built.rules()
        #expect(Set(rules.keys) == ["SEGAS-00006", "SEGAS-00006-R1", "SEGAS-00006-R2", "SEGAS-00012", "SEGAS-00012-R1", "SEGAS-00012-R2"])
        #expect(rules["SEGAS-00006"]?.url == "chapters/logging.html#SEGAS-00006")
        #expect(rules["SEGAS-00006"]?.permalink == "rules/SEGAS-00006.html")
        #expect(Set(rules["SEGAS-00012"]?.citedBy ?? []) == ["overview", "SEGAS-00006-R2"])
        let index = try built.handbook.index()
        #expect(index.chapters.first { $0.slug == "logging" }?.rules == ["SEGAS-00006", "SEGAS-00006-R1", "SEGAS-00006-R2"])
        #expect(index.rules.first { $0.id == "SEGAS-00006" }?.title == "Application logging")

        let chapter = try built.handbook.read("chapters/logging.html")
        #expect(chapter.contains(#"<section class="rule chapter-rule" id="SEGAS-00006" aria-label="SEGAS-00006 Application logging">"#))
        #expect(chapter.contains(#"<a class="rule-id" href="../rules/SEGAS-00006.html">SEGAS-00006</a>"#))
        let page = try built.handbook.read("rules/SEGAS-00006.html")
        #expect(page.contains("Logs let a team see what its service did"), "the rule's text is the whole chapter")
        #expect(page.contains(#"href="../rules/SEGAS-00006-R1.html""#), "its requirements are its sub-rules")
        let requirement = try built.handbook.read("rules/SEGAS-00006-R1.html")
        #expect(requirement.contains(#"Part of <a href="../rules/SEGAS-00006.html">SEGAS-00006 Application logging</a>"#))
        let all = try built.handbook.read("rules/index.html")
        #expect(all.contains("SEGAS-00006") && all.contains("SEGAS-00012-R2"))

        let print = try built.handbook.read("print.html")
        #expect(print.contains(#" id="SEGAS-00006""#))
        #expect(print.contains(##"href="#SEGAS-00012""##))
        let epub = try built.epubDocument("chapter-overview.xhtml")
        #expect(epub.contains(#"href="chapter-logging.xhtml#SEGAS-00006""#))
        let secrets = try built.epubDocument("chapter-secrets.xhtml")
        #expect(secrets.contains(#"id="SEGAS-00012""#))
    }

    @Test("the built-in grammar written as rule_id_pattern builds the default handbook the same, page for page")
    func samePatternSameSite() async throws {
        let standard = try TestHandbook([:], minimal: false)
        let custom = try TestHandbook([:], minimal: false)
        for handbook in [standard, custom] {
            try FileManager.default.copyItem(atPath: Repository.content, toPath: handbook.content)
        }
        let config = try String(contentsOfFile: custom.content + "/handbook.yml", encoding: .utf8)
        try custom.write(config + "rule_id_pattern: '[A-Z][A-Z0-9]*-[0-9]+(\\.[0-9]+)*'\n", to: "handbook.yml")
        let reports = [await standard.build(strict: true), await custom.build(strict: true)]
        #expect(reports.map(\.succeeded) == [true, true])
        let files = try FileManager.default.subpathsOfDirectory(atPath: standard.output).sorted()
        #expect(files.count > 150)
        // The schema describes the handbook's own pattern; the offline copy and service worker hold it.
        for path in files where !["handbook.schema.json", "handbook-offline.zip", "sw.js"].contains(path) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: standard.output + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let same = FileManager.default.contentsEqual(atPath: standard.output + "/" + path, andPath: custom.output + "/" + path)
            #expect(same, "\(path) differs")
        }
    }

    @Test("a pattern that accepts any characters still lets no identifier name a file outside rules/", arguments: [
        "Z/../../../pwned", "Z..", "Z-1/../index", "Z-1 x",
    ])
    func unsafeIdentifiers(_ identifier: String) async throws {
        let config = "title: Test handbook\nrule_id_pattern: 'Z.*'\n"
        let handbook = try TestHandbook([
            "handbook.yml": config,
            "chapters/01-first.md": "---\ntitle: First\nchanges:\n  '\(identifier)': Changed.\n---\n\n## Z-1 A rule\n\nText.\n",
        ], minimal: false)
        defer { handbook.remove() }
        let report = await handbook.build()
        #expect(report.diagnostics(.changeNoteKey).count == 1, "a changes: key must be a safe identifier: \(report.diagnostics)")

        try handbook.write("---\ntitle: First\n---\n\n## Z-1 A rule\n\nText.\n", to: "chapters/01-first.md")
        #expect(await handbook.build().succeeded)
        let before = try folderContents(handbook.output)
        try HostileRecord.write(into: handbook, withdrawnID: identifier)
        try handbook.write(config + "edition: \"2\"\nprevious_edition: editions/1.json\n", to: "handbook.yml")
        let hostile = await handbook.build()
        #expect(hostile.diagnostics(.editionPreviousInvalid).count == 1, "\(hostile.diagnostics)")
        #expect(try folderContents(handbook.output) == before)
    }

    @Test("a hostile pattern cannot hang a build: (a+)+b over long runs of a")
    func redos() async throws {
        let runs = (0..<200).map { _ in String(repeating: "a", count: 99) }.joined(separator: " ")
        let handbook = try TestHandbook([
            "handbook.yml": "title: T\nrule_id_pattern: '(a+)+b'\n",
            "chapters/01-first.md": "---\ntitle: First\n---\n\n## aaab A rule\n\n\(runs) \(String(repeating: "a", count: 200_000)) aaab.\n",
        ], minimal: false)
        let started = Date()
        let report = await handbook.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        // Backtracking would take some 2^99 steps on a run of 99 letters; this bound only allows for a loaded machine.
        #expect(Date().timeIntervalSince(started) < 120)
        #expect(try handbook.read("chapters/first.html").contains(#"<a class="rule-ref" href="../chapters/first.html#aaab""#))
    }
}
