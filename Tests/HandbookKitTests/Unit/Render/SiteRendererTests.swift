import Foundation
import Testing
@testable import HandbookKit

@Suite("SiteRenderer")
struct SiteRendererTests {
    private static let chapters: [MemoryHandbook.Page] = [
        ("01-one.md", MemoryHandbook.page("One", "Intro.\n\n## A-1 First rule\n\nFollow B-1.\n\n### A-1.1 Nested rule\n\nDetail.\n")),
        ("02-two.md", MemoryHandbook.page("Two", "## B-1 Second rule\n\nText two.\n")),
    ]
    private static let tipLists: [MemoryHandbook.Page] = [("quick.md", MemoryHandbook.page("Quick tips", "- **Be brief** as A-1 says.\n"))]

    /// Runs `body` with a fresh temporary site folder, removed when it ends.
    private func withSiteFolder(_ body: (SiteFolder) async throws -> Void) async throws {
        let path = NSTemporaryDirectory() + "handbook-render-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await body(SiteFolder(path: path))
    }

    private func render(
        _ chapters: [MemoryHandbook.Page] = chapters, previous: [SiteRenderer.Unit: SiteRenderer.UnitRecord]? = nil,
        into folder: SiteFolder
    ) async throws -> SiteRenderer.Result {
        let handbook = try MemoryHandbook(chapters: chapters, tipLists: Self.tipLists).resolved()
        return try await RenderStep.run(
            handbook, templates: try MemoryHandbook.templates(), downloads: DownloadSizes(), previous: previous, into: folder,
            progress: nil)
    }

    private func read(_ path: String, in folder: SiteFolder) throws -> String {
        try String(contentsOfFile: folder.path + "/" + path, encoding: .utf8)
    }

    @Test("a handbook renders its chapters, one page per rule, the embeds and the home page; the lists of all rules are editions")
    func renders() async throws {
        try await withSiteFolder { folder in
            let result = try await render(into: folder)
            let pages = [
                "chapters/one.html", "chapters/two.html", "tips/quick.html",
                "rules/A-1.html", "rules/A-1.1.html", "rules/B-1.html",
                "embed/chapters/one.html", "embed/chapters/two.html", "embed/tips/quick.html",
                "embed/rules/A-1.html", "embed/rules/A-1.1.html", "embed/rules/B-1.html",
                SiteLayout.home, SiteLayout.search, SiteLayout.notFound,
            ]
            let html = try folder.files().filter { $0.hasSuffix(".html") }
            #expect(html == pages.sorted())
            #expect(result.pages == pages.count)
            #expect(result.rendered == pages.count)
            #expect(Set(result.units.keys) == Set([.chapter("chapters/one.html"), .chapter("chapters/two.html"), .tipList("tips/quick.html")] + SiteRenderer.SitePages.allCases.map { .site($0) }))
            for file in [SiteLayout.manifest, SiteLayout.asset("handbook.css")] {
                #expect(FileManager.default.fileExists(atPath: folder.path + "/" + file), "\(file)")
            }

            let chapter = try read("chapters/one.html", in: folder)
            #expect(chapter.contains("id=\"A-1\"") && chapter.contains("id=\"A-1.1\""))
            #expect(chapter.contains("href=\"../chapters/two.html#B-1\""))
            #expect(try read("rules/B-1.html", in: folder).contains("A-1 First rule"), "a rule's page shows who cites it")
            let home = try read(SiteLayout.home, in: folder)
            #expect(home.contains("One") && home.contains("Two") && home.contains("Quick tips"))
            for file in [SiteLayout.rulesIndex, SiteLayout.embedIndex, SiteLayout.rulePreviews] {
                #expect(!FileManager.default.fileExists(atPath: folder.path + "/" + file), "\(file) is an edition's")
            }
            let handbook = try MemoryHandbook(chapters: Self.chapters, tipLists: Self.tipLists).resolved()
            let templates = try MemoryHandbook.templates()
            let rulesIndex = RulesIndexEdition(handbook: handbook, templates: templates).make()
            #expect(["A-1", "A-1.1", "B-1"].allSatisfy { rulesIndex.contains("rules/\($0).html") })
            let guide = EmbedGuideEdition(handbook: handbook, templates: templates).make()
            #expect(guide.path == SiteLayout.embedIndex)
            #expect(["A-1", "A-1.1", "B-1"].allSatisfy { guide.html.contains("embed/rules/\($0).html") })
            let previews = try RulePreviewsEdition(handbook: handbook).make()
            #expect(previews.contains("\"A-1.1\":[\"Nested rule\",\"Detail.\"]"))

            #expect(result.content.chapters.count == 2 && result.content.chapters[1].contains("Text two."))
            #expect(Set(result.content.rules.keys) == ["A-1", "A-1.1", "B-1"])
            #expect(result.content.tipLists.count == 1)
        }
    }

    @Test("a tip's closing citation of known rules is shown once, below it with titles; any other stays in its text")
    func tipCitations() async throws {
        let tips = MemoryHandbook.page("Quick tips", """
            - **Closing.** Be brief. (A-1, B-1)
            - **Inline.** Follow A-1 first, then more.
            - **Unknown.** Be kind. (A-1, Z-9)

            """)
        let handbook = try MemoryHandbook(chapters: Self.chapters, tipLists: [("quick.md", tips)]).resolved()
        try await withSiteFolder { folder in
            let result = try await RenderStep.run(
                handbook, templates: try MemoryHandbook.templates(), downloads: DownloadSizes(), previous: nil, into: folder, progress: nil)
            let shown = result.content.tipLists[0].tips
            #expect(shown.map(\.shownRules) == [["A-1", "B-1"], [], []])
            #expect(shown[0].html.contains("Be brief.") && !shown[0].html.contains("A-1") && !shown[0].html.contains("("))
            #expect(shown[1].html.contains(">A-1</a> first"))
            #expect(shown[2].html.contains("(<a") && shown[2].html.contains("Z-9)"))
            let page = try read("tips/quick.html", in: folder)
            #expect(page.contains("<span class=\"rule-id\">A-1</span> First rule</a>"))
            #expect(page.contains("<span class=\"rule-id\">B-1</span> Second rule</a>"))
        }
        // Every rule the tips name is still theirs in the model (and handbook.json).
        #expect(handbook.tipLists[0].tipRules == [["A-1", "B-1"], ["A-1"], ["A-1"]])
    }

    @Test("rendered again with the previous units and nothing changed, nothing is rendered")
    func nothingChanged() async throws {
        try await withSiteFolder { folder in
            let first = try await render(into: folder)
            try FileManager.default.removeItem(atPath: folder.path + "/chapters/one.html")
            let second = try await render(previous: first.units, into: folder)
            #expect(second.rendered == 0)
            #expect(second.pages == first.pages)
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/chapters/one.html"), "the page was not written again")
            #expect(second.content.chapters == first.content.chapters, "the kept units still give their content")
        }
    }

    @Test("rendered again after one chapter's text changed, only that chapter's pages are rendered")
    func oneChapterChanged() async throws {
        try await withSiteFolder { folder in
            let first = try await render(into: folder)
            var chapters = Self.chapters
            chapters[1].text = MemoryHandbook.page("Two", "## B-1 Second rule\n\nNew words.\n")
            let second = try await render(chapters, previous: first.units, into: folder)
            // chapters/two.html, rules/B-1.html and their embeds.
            #expect(second.rendered == 4)
            #expect(try read("chapters/two.html", in: folder).contains("New words."))
            #expect(try read("embed/rules/B-1.html", in: folder).contains("New words."))
        }
    }
}
