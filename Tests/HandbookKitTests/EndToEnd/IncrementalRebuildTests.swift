import Foundation
import Testing
@testable import HandbookKit

/// The rebuilds of `handbook serve`: after each kind of change, the output folder brought up to
/// date in place must be byte for byte what a whole build of the same content writes, and only
/// the pages the change affects may be rendered again.
@Suite("Incremental rebuilds")
struct IncrementalRebuildTests {
    /// A copy of the default handbook and its templates, rebuilt with one cache throughout.
    struct Session {
        let handbook: TestHandbook
        let templates: String
        let cache = BuildCache()
        var options: BuildOptions { BuildOptions(content: handbook.content, templates: templates, output: handbook.output) }

        /// The default handbook, or one made of `files`.
        init(_ files: [String: String]? = nil) throws {
            var handbook = try TestHandbook(files ?? [:], minimal: false)
            if files == nil { try FileManager.default.copyItem(atPath: Repository.content, toPath: handbook.content) }
            templates = handbook.folder + "/Templates"
            try FileManager.default.copyItem(atPath: Repository.templates, toPath: templates)
            handbook.templates = templates
            self.handbook = handbook
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = URL(fileURLWithPath: path.hasPrefix("/") ? path : handbook.content + "/" + path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }

        /// Rebuilds in place, writes the editions, and checks the result against a whole build.
        func rebuildAndCompare(sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> BuildSummary {
            let report = await HandbookBuilder.rebuild(options, cache: cache)
            #expect(report.succeeded, "\(report.diagnostics)", sourceLocation: sourceLocation)
            #expect(!HandbookBuilder.updateEditions(SiteEdition.allCases, cache: cache).hasErrors, sourceLocation: sourceLocation)
            let fresh = handbook.folder + "/Fresh"
            var options = self.options
            options.output = fresh
            #expect(await HandbookBuilder.build(options).succeeded, sourceLocation: sourceLocation)
            let rebuilt = try folderContents(handbook.output)
            let built = try folderContents(fresh)
            let missingOrExtra = Set(rebuilt.keys).symmetricDifference(built.keys).sorted()
            #expect(missingOrExtra.isEmpty, "files in one folder only: \(missingOrExtra)", sourceLocation: sourceLocation)
            let differing = built.keys.filter { rebuilt[$0] != built[$0] }.sorted()
            #expect(differing.isEmpty, "contents differ: \(differing.prefix(10))", sourceLocation: sourceLocation)
            return try #require(report.summary, sourceLocation: sourceLocation)
        }
    }

    @Test("each kind of change gives exactly the output of a whole build, rendering only what it affects")
    func changes() async throws {
        let session = try Session()
        defer { session.handbook.remove() }
        // Without the comparison with edition 1.0, which any edit of a rule or tip would reach
        // (`comparingEditions` covers it).
        try session.edit("handbook.yml") { $0.replacingOccurrences(of: "previous_edition: editions/1.0.json\n", with: "") }
        #expect(await HandbookBuilder.build(session.options, cache: session.cache).succeeded)
        let total = try folderContents(session.handbook.output).keys.filter { $0.hasSuffix(".html") }.count

        // Nothing changed: nothing is rendered or written.
        var summary = try await session.rebuildAndCompare()
        #expect(summary.rendered == 0)
        #expect(summary.filesWritten == 0)
        #expect(summary.pages == total)

        // A sentence in the introduction of a chapter with five rules and two sub-rules: that
        // chapter's page, rule pages and embeds are rendered; only the chapter's page and its
        // embed change.
        try session.edit("chapters/02-what-you-can-gain.md") {
            $0.replacingOccurrences(of: "and it grows every day.", with: "and it keeps growing.")
        }
        summary = try await session.rebuildAndCompare()
        #expect(summary.rendered == 2 + 2 * 7)
        #expect(summary.filesWritten == 2)

        // A rule's new title reaches every page that links to it, and no other.
        try session.edit("chapters/04-confidentiality.md") {
            $0.replacingOccurrences(of: "## CONF-1 Never discuss individual patients on public social media", with: "## CONF-1 Never discuss patients on public social media")
        }
        summary = try await session.rebuildAndCompare()
        #expect((summary.rendered ?? 0) > 2 + 2 * 7)
        #expect((summary.rendered ?? total) < total - 1)

        // A chapter added, then removed: its pages appear, then disappear.
        try session.handbook.write(
            "---\ntitle: Extra\n---\n\nSee CONF-1.\n\n## EXTRA-1 An extra rule\n\nIt cites CONF-2.\n", to: "chapters/15-extra.md")
        summary = try await session.rebuildAndCompare()
        #expect(summary.pages == total + 4)
        #expect(session.handbook.exists("rules/EXTRA-1.html"))
        // A rebuild that does not render the new chapter again, so that its files are known to
        // the next only as those of a unit it kept.
        try session.edit("tips/before-you-post.md") { $0.replacingOccurrences(of: "Would you be happy", with: "Would you be content") }
        summary = try await session.rebuildAndCompare()
        #expect(summary.rendered == 2)
        try FileManager.default.removeItem(atPath: session.handbook.content + "/chapters/15-extra.md")
        summary = try await session.rebuildAndCompare()
        #expect(summary.pages == total)
        #expect(!session.handbook.exists("rules/EXTRA-1.html"))

        // A chapter's title is in every page's navigation; a tip changes its list only.
        try session.edit("chapters/07-privacy-and-visibility.md") {
            $0.replacingOccurrences(of: "title: Privacy and visibility", with: "title: Privacy, visibility")
        }
        summary = try await session.rebuildAndCompare()
        // Every page but the three the editions write: print, all rules, the embed guide.
        #expect(summary.rendered == total - 3)
        try session.edit("tips/before-you-post.md") {
            $0.replacingOccurrences(of: "Would you be content to see this", with: "Would you be glad to see this")
        }
        summary = try await session.rebuildAndCompare()
        #expect(summary.rendered == 2)

        // The settings, a template, a new image.
        try session.edit("handbook.yml") { $0.replacingOccurrences(of: "edition: \"1.1\"", with: "edition: \"1.2\"") }
        summary = try await session.rebuildAndCompare()
        try session.edit(session.templates + "/partials/site-footer.mustache") { $0 + "<!-- footer -->\n" }
        summary = try await session.rebuildAndCompare()
        #expect(summary.rendered == total - 3)
        try session.handbook.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "media/extra.png")
        _ = try await session.rebuildAndCompare()
        #expect(session.handbook.exists("media/extra.png"))
        try FileManager.default.removeItem(atPath: session.handbook.content + "/media/extra.png")
        _ = try await session.rebuildAndCompare()
        #expect(!session.handbook.exists("media/extra.png"))
    }

    @Test("comparing with the previous edition, marks, notes and the changes page follow each edit as a whole build would")
    func comparingEditions() async throws {
        let session = try Session()
        defer { session.handbook.remove() }
        // The record of the handbook as it is, so that the edits below are the only changes.
        try session.edit("handbook.yml") { $0.replacingOccurrences(of: "previous_edition: editions/1.0.json\n", with: "") }
        #expect(await HandbookBuilder.build(session.options).succeeded)
        try FileManager.default.copyItem(
            atPath: session.handbook.output + "/handbook.json", toPath: session.handbook.content + "/editions/current.json")
        try FileManager.default.removeItem(atPath: session.handbook.output)
        try session.edit("handbook.yml") {
            $0.replacingOccurrences(of: "edition: \"1.1\"", with: "edition: \"1.2\"\nprevious_edition: editions/current.json")
        }
        #expect(await HandbookBuilder.build(session.options, cache: session.cache).succeeded)
        #expect(try session.handbook.read("changes.html").contains("No rule and no tip list changed since edition 1.1."))

        // A reworded rule: its chapter unit and the pages that list the whole handbook (the
        // home, search and missing-address pages, and the changes page) are rendered.
        let sentence = "being online does not relax it."
        try session.edit("chapters/04-confidentiality.md") { $0.replacingOccurrences(of: sentence, with: "being online changes nothing.") }
        var summary = try await session.rebuildAndCompare()
        let changes = try session.handbook.read("changes.html")
        #expect(changes.contains("<h3 id=\"CONF-1\">"))
        // Long stretches of unchanged words shortened to twelve words of context each side.
        #expect(changes.contains(
            "<p class=\"diff\">… as it would be in a bar with a friend: being online <del>does not relax it.</del> <ins>changes nothing.</ins> This means: do not describe a patient, their condition or their treatment …</p>"))
        #expect(try session.handbook.read("rules/CONF-1.html").contains("Changed in edition 1.2"))
        #expect(summary.rendered == 2 + 2 * 6 + 3 + 1)

        // A change note, then the rule back as it was: the mark and the entry go.
        try session.edit("chapters/04-confidentiality.md") {
            $0.replacingOccurrences(of: "being online changes nothing.", with: "being online changes nothing.\n\n> Change note: Shorter.")
        }
        summary = try await session.rebuildAndCompare()
        #expect(try session.handbook.read("rules/CONF-1.html").contains("Changed in edition 1.2</a>: Shorter."))
        try session.edit("chapters/04-confidentiality.md") {
            $0.replacingOccurrences(of: "being online changes nothing.\n\n> Change note: Shorter.", with: sentence)
        }
        summary = try await session.rebuildAndCompare()
        #expect(!(try session.handbook.read("rules/CONF-1.html")).contains("change-mark"))
        #expect(!(try session.handbook.read("changes.html")).contains("CONF-1"))

        // A note naming a rule of another chapter links to it while that rule exists; when it is
        // removed (it was never in the previous edition, so it is not withdrawn), the link goes
        // from the note's pages, though nothing else of their chapter changed.
        try session.edit("chapters/10-reviews-and-criticism.md") { $0 + "\n## REV-9 A rule added in this edition\n\nIts text.\n" }
        try session.edit("chapters/04-confidentiality.md") {
            $0.replacingOccurrences(of: sentence, with: "being online changes nothing.\n\n> Change note: Shorter; see REV-9.")
        }
        summary = try await session.rebuildAndCompare()
        #expect(try session.handbook.read("rules/CONF-1.html").contains("Shorter; see <a class=\"rule-ref\" href=\"../rules/REV-9.html\">REV-9</a>."))
        try session.edit("chapters/10-reviews-and-criticism.md") {
            $0.replacingOccurrences(of: "\n## REV-9 A rule added in this edition\n\nIts text.\n", with: "")
        }
        summary = try await session.rebuildAndCompare()
        #expect(try session.handbook.read("rules/CONF-1.html").contains("Shorter; see REV-9."))
    }

    @Test("above the chapter-list limit, a new title reaches the neighbouring chapters and the lists only")
    func largeHandbook() async throws {
        var files: [String: String] = ["handbook.yml": "title: Large\n"]
        let count = PageContext.chapterListLimit + 2
        for number in 1...count {
            files[String(format: "chapters/%03d-c%d.md", number, number)] =
                "---\ntitle: Chapter \(number)\n---\n\n## C\(number)-1 Rule \(number)\n\nSee C\(number % count + 1)-1.\n"
        }
        files["tips/01-daily.md"] = "---\ntitle: Daily tips\n---\n\n- **Read** C1-1.\n"
        files["tips/02-weekly.md"] = "---\ntitle: Weekly tips\n---\n\n- **Review** C2-1.\n"
        let session = try Session(files)
        defer { session.handbook.remove() }
        #expect(await HandbookBuilder.build(session.options, cache: session.cache).succeeded)
        try session.edit("chapters/050-c50.md") { $0.replacingOccurrences(of: "title: Chapter 50", with: "title: Chapter fifty") }
        var summary = try await session.rebuildAndCompare()
        // Chapters 49, 50 and 51 (each a page, a rule page and their embeds), and the three
        // pages of the home page's unit (the home, search and missing-address pages); the lists
        // of all rules are editions, written when asked for.
        #expect(summary.rendered == 3 * 4 + 3)

        // Nor are the tip lists listed on every page; a tip list's new title reaches its own
        // pages, the tip list before it (which links to it as the next), and the home page's
        // unit only (the home, search and missing-address pages).
        let chapter = try session.handbook.read("chapters/c7.html")
        #expect(chapter.contains("<a href=\"../index.html#hb-tips\">All 2 tip lists</a>"))
        #expect(!chapter.contains("Weekly tips"))
        try session.edit("tips/02-weekly.md") { $0.replacingOccurrences(of: "title: Weekly tips", with: "title: Tips for each week") }
        summary = try await session.rebuildAndCompare()
        #expect(summary.rendered == 2 + 2 + 3)
        #expect(try session.handbook.read("index.html").contains("Tips for each week"))
    }

    @Test("a rebuild with errors writes nothing, and the next good one catches up")
    func failedRebuild() async throws {
        let session = try Session()
        defer { session.handbook.remove() }
        #expect(await HandbookBuilder.build(session.options, cache: session.cache).succeeded)
        let before = try folderContents(session.handbook.output)
        try session.edit("chapters/03-professional-standards.md") { $0 + "\nSee NOPE-9 and [this](missing.md).\n" }
        let report = await HandbookBuilder.rebuild(session.options, cache: session.cache)
        #expect(!report.succeeded)
        #expect(!report.diagnostics(.linkBroken).isEmpty)
        #expect(try folderContents(session.handbook.output) == before)
        try session.edit("chapters/03-professional-standards.md") {
            $0.replacingOccurrences(of: "\nSee NOPE-9 and [this](missing.md).\n", with: "\nSee PRO-1 again.\n")
        }
        _ = try await session.rebuildAndCompare()
    }

    @Test("a new rule_id_pattern or rule_id_position reaches every page, as in a whole build")
    func identifierGrammar() async throws {
        let session = try Session()
        defer { session.handbook.remove() }
        try FileManager.default.removeItem(atPath: session.handbook.content)
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/api-guidelines", toPath: session.handbook.content)
        #expect(await HandbookBuilder.build(session.options, cache: session.cache).succeeded)
        // The chapters' bytes stay the same: only handbook.yml says how to read them.
        try session.edit("handbook.yml") { $0.replacingOccurrences(of: "rule_id_position: end\n", with: "") }
        _ = try await session.rebuildAndCompare()
        #expect(!session.handbook.exists("rules/C-CASE.html"), "read again, no heading starts with an identifier")
        try session.edit("handbook.yml") { $0 + "rule_id_position: end\n" }
        _ = try await session.rebuildAndCompare()
        #expect(session.handbook.exists("rules/C-CASE.html"))
    }

    @Test("a new title leaves the lists of all rules as they were until each is asked for, and then only it is written")
    func listsOfAllRulesWhenAskedFor() async throws {
        let session = try Session()
        defer { session.handbook.remove() }
        #expect(await HandbookBuilder.build(session.options, cache: session.cache).succeeded)
        let old = "Never discuss individual patients on public social media"
        let new = "Never discuss any patient on public social media"
        try session.edit("chapters/04-confidentiality.md") { $0.replacingOccurrences(of: "## CONF-1 " + old, with: "## CONF-1 " + new) }
        #expect(await HandbookBuilder.rebuild(session.options, cache: session.cache).succeeded)
        #expect(try session.handbook.read("rules/CONF-1.html").contains(new))
        let lists = [SiteLayout.rulesIndex, SiteLayout.embedIndex, SiteLayout.rulePreviews]
        for file in lists {
            #expect(try session.handbook.read(file).contains(old), "\(file) waits until it is asked for")
        }
        #expect(session.cache.editionsOutOfDate)

        #expect(HandbookBuilder.updateEditions([.rulesIndex], cache: session.cache).isEmpty)
        #expect(try session.handbook.read(SiteLayout.rulesIndex).contains(new))
        #expect(try session.handbook.read(SiteLayout.embedIndex).contains(old), "only the edition asked for is written")
        #expect(HandbookBuilder.updateEditions([.embedGuide, .rulePreviews], cache: session.cache).isEmpty)
        for file in lists {
            let text = try session.handbook.read(file)
            #expect(text.contains(new) && !text.contains(old), "\(file)")
        }
    }

    @Test("each file made from the whole handbook belongs to its edition; pages to none")
    func editions() {
        #expect(SiteEdition.containing("handbook.json") == .index)
        #expect(SiteEdition.containing("search-index-12.js") == .search)
        #expect(SiteEdition.containing("search-index.js") == .search)
        #expect(SiteEdition.containing("search-index-x.js") == nil)
        #expect(SiteEdition.containing("sw.js") == .offline)
        #expect(SiteEdition.containing("handbook.epub") == .epub)
        #expect(SiteEdition.containing("chapters/print.html") == nil)
        #expect(SiteEdition.containing("index.html") == nil)
        for path in ["rules/index.html", "rules/", "rules"] { #expect(SiteEdition.containing(path) == .rulesIndex, "\(path)") }
        for path in ["embed/index.html", "embed/", "embed"] { #expect(SiteEdition.containing(path) == .embedGuide, "\(path)") }
        #expect(SiteEdition.containing("rule-previews.js") == .rulePreviews)
        #expect(SiteEdition.containing("rules/index.json") == nil)
        #expect(SiteEdition.containing("embed/rules/A-1.html") == nil)
        #expect(SiteEdition.offline.needs == SiteEdition.allCases)
        #expect(SiteEdition.print.needs == [.print])
    }
}
