import Foundation
import Testing
import ZIPFoundation
@testable import HandbookKit

/// Two editions of the fixture in Fixtures/editions: the second adds, withdraws, rewords,
/// retitles and moves rules and changes a tip list, and is built against the first's
/// handbook.json.
@Suite("Changes between editions")
struct EditionChangesTests {
    /// The first edition built, and the second built against its handbook.json.
    struct TwoEditions {
        /// Removed with the last copy of these editions.
        private let temporary: TemporaryFolder
        var folder: String { temporary.path }
        var first: String { folder + "/first-site" }
        var second: String { folder + "/second-site" }
        var record: String { first + "/handbook.json" }
        let report: BuildReport

        init() async throws {
            temporary = try TemporaryFolder("handbook-editions-")
            let folder = temporary.path
            let fixture = Repository.fixtures + "/editions"
            let firstReport = await HandbookBuilder.build(
                BuildOptions(content: fixture + "/first", templates: Repository.templates, output: folder + "/first-site", strict: true))
            #expect(firstReport.succeeded, "\(firstReport.diagnostics)")
            report = await HandbookBuilder.build(BuildOptions(
                content: fixture + "/second", templates: Repository.templates, output: folder + "/second-site", strict: true,
                previousEdition: folder + "/first-site/handbook.json"))
            #expect(report.succeeded, "\(report.diagnostics)")
        }

        func read(_ path: String) throws -> String {
            try String(contentsOfFile: second + "/" + path, encoding: .utf8)
        }

        func index(_ site: String? = nil) throws -> HandbookIndex {
            try JSONDecoder().decode(HandbookIndex.self, from: Data(contentsOf: URL(fileURLWithPath: (site ?? second) + "/handbook.json")))
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// The HTML of one `<li>` or `<div class="change">` entry on the changes page, by its rule.
    private func entry(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)\""), "no entry for \(id)")
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</li>")?.lowerBound ?? rest.range(of: "</div>")?.lowerBound ?? rest.endIndex
        let divEnd = rest.range(of: "</div>")?.lowerBound ?? rest.endIndex
        return String(rest[..<min(end, divEnd)])
    }

    @Test("changes.html lists rules added, reworded with a word diff, retitled, moved and withdrawn, and the tips changed")
    func changesPage() async throws {
        let editions = try await TwoEditions()
        defer { editions.remove() }
        let page = try editions.read("changes.html")
        #expect(page.contains("<h1>What changed in edition 2026</h1>"))
        #expect(page.contains("Compared with edition 2025: 2 rules added, 1 rule reworded, 1 rule retitled, 1 rule moved, 1 rule withdrawn, 1 tip list changed."))

        // Sections in order: new, changed, withdrawn, tips.
        let sections = ["New rules", "Changed rules", "Withdrawn rules", "Tip lists"].map { page.range(of: ">\($0)</h2>")?.lowerBound }
        #expect(sections.allSatisfy { $0 != nil })
        #expect(sections.compactMap { $0 } == sections.compactMap { $0 }.sorted())

        let added = page[sections[0]!..<sections[1]!]
        #expect(added.contains("<a href=\"rules/BAS-5.html\"><span class=\"rule-id\">BAS-5</span> Take the annual course</a>"))
        #expect(added.contains("<a href=\"rules/SEC-1.html\"><span class=\"rule-id\">SEC-1</span> Encrypt laptops</a>"))
        #expect(!added.contains("BAS-1") && !added.contains("BAS-2"))

        let reworded = try entry("BAS-2", in: page)
        #expect(reworded.contains("Reworded, in <a href=\"chapters/basics.html\">Basics</a>"))
        #expect(reworded.contains("<p class=\"change-note\">Sign-in codes are as private as passwords.</p>"))
        #expect(reworded.contains(
            "<p class=\"diff\">Never share a password <del>with a colleague,</del> <ins>or a sign-in code with anyone,</ins> even for a short time.</p>"))

        let retitled = try entry("BAS-4", in: page)
        #expect(retitled.contains("Retitled"))
        #expect(retitled.contains("Its title was “Report problems”."))
        #expect(retitled.contains("Report problems and near misses"))
        #expect(!retitled.contains("class=\"diff\""), "a retitled rule whose text is the same shows no diff")

        let moved = try entry("SHR-1", in: page)
        #expect(moved.contains("Moved, in <a href=\"chapters/security.html\">Security</a>"))
        #expect(moved.contains("It moved here from <a href=\"chapters/sharing.html\">Sharing</a>."))

        let withdrawn = try entry("BAS-3", in: page)
        #expect(withdrawn.contains("<a href=\"rules/BAS-3.html\"><span class=\"rule-id\">BAS-3</span> Lock your screen</a>"))
        #expect(withdrawn.contains("was in Basics"))
        #expect(withdrawn.contains("so <a class=\"rule-ref\" href=\"rules/BAS-2.html\">BAS-2</a> covers what is left."))

        let tips = page[sections[3]!...]
        #expect(tips.contains("1 tip added, 1 tip reworded, 1 tip removed"))
        #expect(tips.contains("<li>Lock your phone with a code of six digits or more.</li>"))
        #expect(tips.contains("<li>Turn on two-step sign-in wherever it is offered.</li>"))
        #expect(tips.contains("every password can be <del>long.</del> <ins>long and unique.</ins>"))

        // Rules that did not change are not on the page.
        for unchanged in ["BAS-1", "BAS-4.1", "SHR-2"] {
            #expect(!page.contains("id=\"\(unchanged)\""), "\(unchanged) did not change")
        }
        // Every page links to it.
        #expect(try editions.read("index.html").contains("<a href=\"changes.html\">What changed since edition 2025</a>"))
        #expect(try editions.read("chapters/sharing.html").contains("<a href=\"../changes.html\">What changed since edition 2025</a>"))
    }

    @Test("each changed rule is marked in its chapter, on its page and in its embed; unchanged rules are not")
    func marks() async throws {
        let editions = try await TwoEditions()
        defer { editions.remove() }
        let basics = try editions.read("chapters/basics.html")
        #expect(basics.contains("<p class=\"change-mark change-mark-changed\"><a href=\"../changes.html#BAS-2\">Changed in edition 2026</a></p>"))
        #expect(basics.contains("<p class=\"change-mark change-mark-changed\"><a href=\"../changes.html#BAS-4\">Changed in edition 2026</a></p>"))
        #expect(basics.contains("<p class=\"change-mark change-mark-new\"><a href=\"../changes.html#BAS-5\">New in edition 2026</a></p>"))
        #expect(basics.components(separatedBy: "class=\"change-mark").count - 1 == 3)
        // The mark sits in the rule's block, right under its heading.
        let bas2 = try #require(basics.range(of: "<section class=\"rule\" aria-labelledby=\"BAS-2\">"))
        let afterHeading = basics[bas2.upperBound...]
        let headingEnd = try #require(afterHeading.range(of: "</h2>\n"))
        #expect(afterHeading[headingEnd.upperBound...].hasPrefix("<p class=\"change-mark"))
        // The change note is shown with the change, not in the rule's text.
        #expect(!basics.contains("Change note"))
        #expect(!basics.contains("Sign-in codes are as private"))
        #expect(!(try editions.read("print.html")).contains("Sign-in codes are as private"))
        #expect(!(try editions.read("search-index.json")).contains("Sign-in codes are as private"))

        let security = try editions.read("chapters/security.html")
        #expect(security.contains("<a href=\"../changes.html#SHR-1\">Moved in edition 2026</a>"))
        #expect(security.contains("<a href=\"../changes.html#SEC-1\">New in edition 2026</a>"))
        #expect(!(try editions.read("chapters/sharing.html")).contains("change-mark"))

        #expect(try editions.read("rules/BAS-2.html").contains(
            "<p class=\"change-mark change-mark-changed\"><a href=\"../changes.html#BAS-2\">Changed in edition 2026</a>: Sign-in codes are as private as passwords.</p>"))
        #expect(try editions.read("rules/BAS-5.html").contains("New in edition 2026"))
        #expect(!(try editions.read("rules/BAS-1.html")).contains("change-mark"))
        #expect(!(try editions.read("rules/BAS-4.1.html")).contains("change-mark"), "a sub-rule is not marked for its parent's new title")
        #expect(try editions.read("embed/rules/BAS-4.html").contains("<a href=\"../changes.html#BAS-4\">Changed in edition 2026</a>"))
        #expect(!(try editions.read("embed/rules/SHR-2.html")).contains("change-mark"))

        // The first edition, built without a previous one, has no marks and no changes page.
        #expect(!FileManager.default.fileExists(atPath: editions.first + "/changes.html"))
        let firstBasics = try String(contentsOfFile: editions.first + "/chapters/basics.html", encoding: .utf8)
        #expect(!firstBasics.contains("change-mark") && !firstBasics.contains("changes.html"))
    }

    @Test("a withdrawn rule keeps its page and embed, which say when it was withdrawn; the rules index lists it")
    func withdrawnPages() async throws {
        let editions = try await TwoEditions()
        defer { editions.remove() }
        let page = try editions.read("rules/BAS-3.html")
        #expect(page.contains("<title>BAS-3 Lock your screen (withdrawn) – Editions fixture</title>"))
        #expect(page.contains("<p class=\"change-mark change-mark-withdrawn\">Withdrawn in edition 2026</p>"))
        #expect(page.contains("It was in <a href=\"../chapters/basics.html\">Basics</a> from edition 2025."))
        #expect(page.contains("<blockquote class=\"withdrawn-wording\"><p>Lock your screen whenever you leave your desk.</p></blockquote>"))
        #expect(page.contains("<a href=\"../changes.html#BAS-3\">What changed in edition 2026</a>"))
        #expect(page.contains("Screens now lock by themselves after two minutes"))
        let embed = try editions.read("embed/rules/BAS-3.html")
        #expect(embed.contains("Withdrawn in edition 2026"))
        #expect(embed.contains("href=\"../rules/BAS-3.html\""))
        let rulesIndex = try editions.read("rules/index.html")
        #expect(rulesIndex.contains(
            "<a href=\"../rules/BAS-3.html\"><span class=\"rule-id\">BAS-3</span> Lock your screen</a> <span class=\"citation-kind\">withdrawn in edition 2026</span>"))
        // Every file of the first edition's rule pages is still there.
        let firstRules = try FileManager.default.contentsOfDirectory(atPath: editions.first + "/rules")
        let secondRules = Set(try FileManager.default.contentsOfDirectory(atPath: editions.second + "/rules"))
        #expect(firstRules.allSatisfy(secondRules.contains))
    }

    @Test("handbook.json records each rule's wording, hash and editions, the withdrawn rules and the changes")
    func machineRecord() async throws {
        let editions = try await TwoEditions()
        defer { editions.remove() }
        let first = try editions.index(editions.first)
        let second = try editions.index()
        let before = Dictionary(uniqueKeysWithValues: first.rules.map { ($0.id, $0) })
        let after = Dictionary(uniqueKeysWithValues: second.rules.map { ($0.id, $0) })
        for rule in first.rules {
            #expect(rule.edition == "2025" && rule.since == "2025")
            #expect(rule.textHash?.wholeMatch(of: /sha256:[0-9a-f]{64}/) != nil)
        }
        #expect(before["BAS-4"]?.wording == "Tell the service desk about any problem you find.", "the wording leaves out nested rules")
        #expect(before["BAS-3"]?.textHash != before["BAS-2"]?.textHash)
        // Same wording, same hash; the wording's edition stays that of the first edition.
        for id in ["BAS-1", "BAS-4.1", "SHR-1", "SHR-2"] {
            #expect(after[id]?.textHash == before[id]?.textHash, "\(id)")
            #expect(after[id]?.edition == "2025" && after[id]?.since == "2025", "\(id)")
        }
        #expect(after["BAS-2"]?.textHash != before["BAS-2"]?.textHash)
        #expect(after["BAS-2"]?.edition == "2026" && after["BAS-2"]?.since == "2025")
        #expect(after["BAS-2"]?.wording?.contains("Change note") == false)
        #expect(after["BAS-4"]?.textHash == before["BAS-4"]?.textHash, "a new title leaves the wording's hash")
        #expect(after["BAS-4"]?.edition == "2026")
        #expect(after["BAS-5"]?.edition == "2026" && after["BAS-5"]?.since == "2026")
        #expect(after["BAS-3"] == nil)

        let withdrawn = try #require(second.withdrawn)
        #expect(withdrawn.map(\.id) == ["BAS-3"])
        #expect(withdrawn.first?.withdrawnIn == "2026")
        #expect(withdrawn.first?.since == "2025")
        #expect(withdrawn.first?.permalink == "rules/BAS-3.html")
        #expect(withdrawn.first?.wording == "Lock your screen whenever you leave your desk.")
        #expect(first.withdrawn == [])
        #expect(first.changes == nil)

        let changes = try #require(second.changes)
        #expect(changes.edition == "2026" && changes.previousEdition == "2025" && changes.url == "changes.html")
        let kinds = Dictionary(uniqueKeysWithValues: changes.rules.map { ($0.id, $0.kinds) })
        #expect(kinds == [
            "BAS-2": ["reworded"], "BAS-4": ["retitled"], "BAS-5": ["added"], "SEC-1": ["added"], "SHR-1": ["moved"],
            "BAS-3": ["withdrawn"],
        ])
        let moved = try #require(changes.rules.first { $0.id == "SHR-1" })
        #expect(moved.previousChapter == "sharing" && moved.chapter == "security")
        let retitled = try #require(changes.rules.first { $0.id == "BAS-4" })
        #expect(retitled.previousTitle == "Report problems" && retitled.title == "Report problems and near misses")
        let reworded = try #require(changes.rules.first { $0.id == "BAS-2" })
        #expect(reworded.previousWording == "Never share a password with a colleague, even for a short time.")
        #expect(reworded.note == "Sign-in codes are as private as passwords.")
        #expect(reworded.url == "changes.html#BAS-2")
        #expect(changes.tipLists.count == 1)
        #expect(changes.tipLists.first?.tipsReworded == [.init(
            before: "Use a password manager so that every password can be long.",
            after: "Use a password manager so that every password can be long and unique.")])
        #expect(changes.tipLists.first?.tipsAdded == ["Lock your phone with a code of six digits or more."])
        #expect(changes.tipLists.first?.tipsRemoved == ["Turn on two-step sign-in wherever it is offered."])
    }

    @Test("the EPUB has a What changed document, and its marks and links lead inside the book")
    func epub() async throws {
        let editions = try await TwoEditions()
        defer { editions.remove() }
        let archive = try Archive(url: URL(fileURLWithPath: editions.second + "/handbook.epub"), accessMode: .read)
        func text(_ path: String) throws -> String {
            let entry = try #require(archive["OEBPS/" + path], "no \(path) in the EPUB")
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let changes = try text("changes.xhtml")
        #expect(changes.contains("<del>with a colleague,</del>"))
        #expect(changes.contains("href=\"changes.xhtml#BAS-3\""), "a withdrawn rule's link stays in the book")
        #expect(changes.contains("href=\"chapter-basics.xhtml#BAS-5\""))
        #expect(try text("chapter-basics.xhtml").contains("<a href=\"changes.xhtml#BAS-2\">Changed in edition 2026</a>"))
    }

    @Test("a third edition keeps the withdrawn rule's page and the rules' editions, and reports stale notes")
    func thirdEdition() async throws {
        let editions = try await TwoEditions()
        defer { editions.remove() }
        let content = editions.folder + "/third"
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/editions/second", toPath: content)
        let config = content + "/handbook.yml"
        try FileManager.default.createDirectory(atPath: content + "/editions", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: editions.folder + "/second-site/handbook.json", toPath: content + "/editions/2026.json")
        try (try String(contentsOfFile: config, encoding: .utf8)).replacingOccurrences(of: "\"2026\"", with: "\"2027\"")
            .appending("previous_edition: editions/2026.json\n").write(toFile: config, atomically: true, encoding: .utf8)
        let output = editions.folder + "/third-site"
        let report = await HandbookBuilder.build(BuildOptions(content: content, templates: Repository.templates, output: output))
        #expect(report.succeeded, "\(report.diagnostics)")
        // The notes written for 2026 are now stale: warnings that name their lines.
        let stale = report.diagnostics(.changeNoteUnchanged)
        #expect(stale.map(\.location.line).sorted() == [6, 19])
        #expect(stale.allSatisfy { $0.location.file.hasSuffix("third/chapters/01-basics.md") })
        #expect(stale.contains { $0.message == "BAS-3 was withdrawn in edition 2026, not in this one, so its change note is not shown" })

        let index = try editions.index(output)
        #expect(index.changes?.rules == [])
        #expect(index.changes?.tipLists == [])
        #expect(index.withdrawn?.map(\.id) == ["BAS-3"])
        #expect(index.withdrawn?.first?.withdrawnIn == "2026")
        let editionsByRule = Dictionary(uniqueKeysWithValues: index.rules.map { ($0.id, [$0.edition, $0.since]) })
        #expect(editionsByRule["BAS-2"] == ["2026", "2025"])
        #expect(editionsByRule["BAS-1"] == ["2025", "2025"])
        #expect(editionsByRule["SEC-1"] == ["2026", "2026"])
        let page = try String(contentsOfFile: output + "/rules/BAS-3.html", encoding: .utf8)
        #expect(page.contains("Withdrawn in edition 2026"))
        #expect(!page.contains("changes.html#BAS-3"), "the 2027 changes page does not list a rule withdrawn in 2026")
        #expect(page.contains("<a href=\"../rules/index.html\">All rules in force</a>"))
        let changes = try String(contentsOfFile: output + "/changes.html", encoding: .utf8)
        #expect(changes.contains("No rule and no tip list changed since edition 2026."))
    }

    @Test("previous_edition in handbook.yml is read from the content folder, and --previous overrides it")
    func configuredRecord() async throws {
        let editions = try await TwoEditions()
        defer { editions.remove() }
        let content = editions.folder + "/configured"
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/editions/second", toPath: content)
        try FileManager.default.createDirectory(atPath: content + "/editions", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: editions.record, toPath: content + "/editions/2025.json")
        let config = content + "/handbook.yml"
        try (try String(contentsOfFile: config, encoding: .utf8) + "previous_edition: editions/2025.json\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let output = editions.folder + "/configured-site"
        let report = await HandbookBuilder.build(BuildOptions(content: content, templates: Repository.templates, output: output, strict: true))
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(try String(contentsOfFile: output + "/changes.html", encoding: .utf8) == editions.read("changes.html"))

        // The option wins: compared with the second edition itself under another name, nothing changed.
        let renamed = editions.folder + "/renamed.json"
        try (try String(contentsOfFile: editions.second + "/handbook.json", encoding: .utf8))
            .replacingOccurrences(of: "\"edition\" : \"2026\",\n  \"language\"", with: "\"edition\" : \"2026-draft\",\n  \"language\"")
            .write(toFile: renamed, atomically: true, encoding: .utf8)
        let overridden = await HandbookBuilder.build(BuildOptions(
            content: content, templates: Repository.templates, output: output, previousEdition: renamed))
        #expect(overridden.succeeded, "\(overridden.diagnostics)")
        #expect(try String(contentsOfFile: output + "/changes.html", encoding: .utf8).contains("No rule and no tip list changed since edition 2026-draft."))
    }

    @Test("with a base_url, the changes page is in the sitemap")
    func sitemap() async throws {
        let handbook = try TestHandbook(["handbook.yml": "title: Test handbook\nedition: \"1\"\nbase_url: https://example.org/h/\n"])
        defer { handbook.remove() }
        #expect(await handbook.build().succeeded)
        #expect(try !handbook.read("sitemap.xml").contains("changes.html"))
        try handbook.write(try Data(contentsOf: URL(fileURLWithPath: handbook.output + "/handbook.json")), to: "editions/1.json")
        try handbook.write("title: Test handbook\nedition: \"2\"\nbase_url: https://example.org/h/\nprevious_edition: editions/1.json\n", to: "handbook.yml")
        #expect(await handbook.build().succeeded)
        #expect(try handbook.read("sitemap.xml").contains("<loc>https://example.org/h/changes.html</loc>"))
    }

    @Test("a missing, broken or same-named record, and a handbook without an edition, are errors with a place and a fix")
    func recordProblems() async throws {
        let handbook = try TestHandbook([
            "handbook.yml": "title: Test handbook\nedition: \"2\"\nprevious_edition: editions/1.json\n",
        ])
        defer { handbook.remove() }
        var report = await handbook.build()
        var problem = try #require(report.diagnostics(.editionPreviousMissing).first)
        #expect(problem.location.line == 3 && problem.location.column == 19)
        #expect(problem.location.file.hasSuffix("Content/handbook.yml"))
        #expect(problem.message.contains("editions/1.json"))
        #expect(!report.succeeded)

        try handbook.write("{\"schemaVersion\": 1, \"title\": \"x\"}", to: "editions/1.json")
        report = await handbook.build()
        problem = try #require(report.diagnostics(.editionPreviousInvalid).first)
        #expect(problem.location.file.hasSuffix("Content/editions/1.json"))
        #expect(problem.message == "this is not a handbook.json that handbook wrote: 'language' is missing")

        try handbook.write("not json", to: "editions/1.json")
        report = await handbook.build()
        #expect(report.diagnostics(.editionPreviousInvalid).first?.message.contains("not valid JSON") == true)

        // A record of the same edition.
        try handbook.write("title: Test handbook\n", to: "handbook.yml")
        #expect(await handbook.build().succeeded)
        let unnamed = handbook.folder + "/unnamed.json"
        try FileManager.default.copyItem(atPath: handbook.output + "/handbook.json", toPath: unnamed)
        #expect(try !String(contentsOfFile: unnamed, encoding: .utf8).contains("\"edition\""), "a handbook without an edition records none")
        try handbook.write("title: Test handbook\nedition: \"2\"\n", to: "handbook.yml")
        #expect(await handbook.build().succeeded)
        try FileManager.default.copyItem(atPath: handbook.output + "/handbook.json", toPath: handbook.folder + "/same.json")
        report = await HandbookBuilder.build(BuildOptions(
            content: handbook.content, templates: handbook.templates, output: handbook.output, previousEdition: handbook.folder + "/same.json"))
        problem = try #require(report.diagnostics(.editionSameName).first)
        #expect(problem.location.line == 2 && problem.location.column == 10)
        // This edition without a name.
        try handbook.write("title: Test handbook\n", to: "handbook.yml")
        report = await HandbookBuilder.build(BuildOptions(
            content: handbook.content, templates: handbook.templates, output: handbook.output, previousEdition: handbook.folder + "/same.json"))
        #expect(report.diagnostics(.editionUnnamed).first?.suggestion == "add a line such as `edition: \"2\"` to handbook.yml")
        // A record that names no edition.
        try handbook.write("title: Test handbook\nedition: \"2\"\n", to: "handbook.yml")
        report = await HandbookBuilder.build(BuildOptions(
            content: handbook.content, templates: handbook.templates, output: handbook.output, previousEdition: unnamed))
        #expect(report.diagnostics(.editionPreviousUnnamed).count == 1)
    }

    @Test("change notes in the wrong place, twice, empty or for an unknown rule are reported where they are written")
    func noteProblems() async throws {
        let handbook = try TestHandbook([
            "chapters/01-first.md": """
                ---
                title: First
                changes:
                  FIRST-1: Said twice.
                  FIRST-9: No such rule.
                  OTHER-1: Belongs elsewhere.
                  not-a-rule: Bad key.
                ---

                > Change note: Before any rule.

                ## FIRST-1 Do the first thing

                Because.

                > Change note: Reworded.

                ## FIRST-2 Do the second thing

                > Change note:

                """,
            "chapters/02-other.md": "---\ntitle: Other\n---\n\n## OTHER-1 Other rule\n\nText.\n",
            "tips/01-tips.md": "---\ntitle: Tips\n---\n\n- A tip.\n\n> Change note: Tips have no notes.\n",
        ])
        defer { handbook.remove() }
        // A record to compare with: the minimal handbook's first edition.
        let record = handbook.folder + "/record.json"
        let plain = try TestHandbook(["handbook.yml": "title: Test handbook\nedition: \"1\"\n"])
        defer { plain.remove() }
        #expect(await plain.build().succeeded)
        try FileManager.default.copyItem(atPath: plain.output + "/handbook.json", toPath: record)
        try handbook.write("title: Test handbook\nedition: \"2\"\n", to: "handbook.yml")
        let report = await HandbookBuilder.build(BuildOptions(
            content: handbook.content, templates: handbook.templates, output: handbook.output, previousEdition: record))
        func lines(_ code: DiagnosticCode) -> [Int] { report.diagnostics(code).map(\.location.line).sorted() }
        #expect(lines(.changeNoteOutsideRule) == [7, 10], "\(report.diagnostics)")
        #expect(lines(.changeNoteTwice) == [4])
        #expect(lines(.changeNoteUnknown) == [5])
        #expect(lines(.changeNoteElsewhere) == [6])
        #expect(lines(.changeNoteKey) == [7])
        #expect(lines(.changeEmptyNote) == [20])
        #expect(report.diagnostics(.changeNoteOutsideRule).first { $0.location.file.hasSuffix("tips/01-tips.md") } != nil)
    }
}
