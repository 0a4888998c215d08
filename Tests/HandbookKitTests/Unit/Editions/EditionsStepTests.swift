import Foundation
import Testing
@testable import HandbookKit

/// The editions step and the editions it makes. (Named for the step: EndToEnd/ has an
/// EditionsTests.swift, and a module cannot hold two files of one name.)
@Suite("EditionsStep")
struct EditionsStepTests {
    /// A handbook, its pages rendered, and what the editions are made from.
    private struct Made {
        var handbook: ResolvedHandbook
        var templates: TemplateSet
        var content: RenderedContent
        var siteFolder: String

        func editions(_ kinds: [SiteEdition], search: () throws -> SearchFiles) throws -> [any Edition] {
            try EditionsStep.editions(kinds, handbook, templates: templates, content: content, search: search, siteFolder: siteFolder)
        }

        func editions(_ kinds: [SiteEdition]) throws -> [any Edition] {
            try editions(kinds) { try SearchFiles(handbook) }
        }
    }

    /// A fresh temporary folder; the test removes it.
    private func temporaryPath() throws -> String {
        let path = NSTemporaryDirectory() + "handbook-editions-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A two-chapter handbook with a tip list, its pages rendered into `path`.
    private func render(into path: String) async throws -> Made {
        let book = MemoryHandbook(
            chapters: [
                ("01-one.md", MemoryHandbook.page("One", """
                    Intro, see [the other chapter](02-two.md).

                    ## A-1 First rule

                    Follow B-1.

                    ### A-1.1 Nested rule

                    Detail.
                    """)),
                ("02-two.md", MemoryHandbook.page("Two", "## Background\n\nWords.\n\n## B-1 Second rule\n\nUnlike A-1, see [the background](#background).\n")),
            ],
            tipLists: [("quick.md", MemoryHandbook.page("Quick tips", "- **Be brief** as A-1 says.\n"))])
        let handbook = try book.resolved()
        let templates = try MemoryHandbook.templates()
        let result = try await RenderStep.run(
            handbook, templates: templates, downloads: DownloadSizes(), previous: nil, into: SiteFolder(path: path), progress: nil)
        return Made(handbook: handbook, templates: templates, content: result.content, siteFolder: path)
    }

    @Test("one edition per kind asked, in the order of SiteEdition.allCases, whatever the order asked")
    func order() async throws {
        let path = try temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let made = try await render(into: path)
        #expect(try made.editions([.offline, .print, .index, .print]).map(\.kind) == [.index, .print, .offline])
        #expect(try made.editions(SiteEdition.allCases.reversed()).map(\.kind) == SiteEdition.allCases)
        #expect(try made.editions([.epub]).map(\.kind) == [.epub])
        #expect(try made.editions([]).isEmpty)
    }

    @Test("the search index is made only when its edition is asked for")
    func searchOnlyWhenAsked() async throws {
        struct NotWanted: Error {}
        let path = try temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let made = try await render(into: path)
        #expect(try made.editions([.index, .print, .epub, .offline]) { throw NotWanted() }.count == 4)
        #expect(throws: NotWanted.self) { try made.editions([.search]) { throw NotWanted() } }
    }

    @Test("the print edition has every rule's identifier as an anchor, and every link stays inside the page")
    func print() async throws {
        let path = try temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let made = try await render(into: path)
        let edition = try #require(try made.editions([.print]).first as? PrintEdition)
        let html = edition.make()
        for rule in made.handbook.rules {
            #expect(html.contains("id=\"\(rule.identifier)\""), "\(rule.identifier)")
        }
        #expect(!html.contains("../"))
        #expect(html.contains("href=\"#B-1\""), "a rule cited in prose")
        #expect(html.contains("href=\"#chapter-two\""), "a link to a chapter")
        #expect(html.contains("id=\"two--background\"") && html.contains("href=\"#two--background\""), "a heading, by its chapter's prefix")
    }

    @Test("handbook.json decodes, with every rule, its chapter, its references and who cites it")
    func index() async throws {
        let path = try temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let made = try await render(into: path)
        let edition = try #require(try made.editions([.index]).first as? IndexEdition)
        let index = try JSONDecoder().decode(HandbookIndex.self, from: Data(contentsOf: URL(fileURLWithPath: edition.make())))
        #expect(index.schemaVersion == HandbookIndex.schemaVersion)
        #expect(index.title == "Test handbook")
        #expect(index.rules.map(\.id) == ["A-1", "A-1.1", "B-1"])
        #expect(index.rules.map(\.chapter) == ["one", "one", "two"])
        #expect(index.rules.map(\.permalink) == ["rules/A-1.html", "rules/A-1.1.html", "rules/B-1.html"])
        #expect(index.rules[0].references == ["B-1"])
        #expect(index.rules[0].citedBy.map(\.id) == ["B-1", "quick"], "B-1 and a tip cite A-1")
        #expect(index.rules.allSatisfy { !$0.html.isEmpty && !$0.html.contains("../") })
        #expect(index.chapters.map(\.rules) == [["A-1", "A-1.1"], ["B-1"]])
        #expect(index.tipLists.first?.tips.first?.rules == ["A-1"])
    }

    @Test("handbook.json, encoded an element at a time, is byte for byte what JSONEncoder writes of the whole index")
    func indexEncodedAsJSONEncoderWould() throws {
        let hostile = "a\n  \"rules\" : [\n\n  ]\u{2028}/é\"\\"
        func rule(_ number: Int) -> HandbookIndex.Rule {
            HandbookIndex.Rule(
                id: "R-\(number)", title: number % 7 == 0 ? hostile : "Rule \(number)", chapter: "c", url: "chapters/c.html#R-\(number)",
                permalink: "rules/R-\(number).html", text: hostile, html: "<p>\(number)</p>", references: number % 2 == 0 ? [] : ["R-1"],
                citedBy: number % 3 == 0 ? [] : [.init(kind: "rule", id: "R-2", anchor: nil, url: "x")],
                wording: number % 5 == 0 ? nil : "w", textHash: nil, edition: nil, since: nil)
        }
        let chapter = HandbookIndex.Chapter(slug: "c", title: hostile, summary: nil, updated: nil, url: "chapters/c.html", rules: [], part: nil, anchors: [:])
        let tips = HandbookIndex.TipList(slug: "t", title: "T", summary: nil, url: "tips/t.html", tips: [])
        let reference = JSONEncoder()
        reference.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for (rules, tipLists, chapters) in [(150, 1, 2), (1, 0, 0), (0, 0, 1), (64, 2, 0)] {
            let index = HandbookIndex(
                schemaVersion: HandbookIndex.schemaVersion, title: hostile, subtitle: nil, organisation: "O", edition: "2", language: "en-GB",
                chapters: Array(repeating: chapter, count: chapters), parts: nil, rules: (0..<rules).map(rule),
                tipLists: Array(repeating: tips, count: tipLists), withdrawn: [], changes: nil)
            let expected = try reference.encode(index) + Data([0x0A])
            #expect(try index.encoded() == expected, "\(rules) rules, \(tipLists) tip lists, \(chapters) chapters")
        }
    }
}
