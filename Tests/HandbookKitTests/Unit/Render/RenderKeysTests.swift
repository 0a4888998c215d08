import Foundation
import Testing
@testable import HandbookKit

@Suite("RenderKeys")
struct RenderKeysTests {
    /// Three chapters: the first cites C-1 of the third, which is not its neighbour, so a change
    /// to the third reaches the first's key only through the citation.
    private static let chapters: [MemoryHandbook.Page] = [
        ("01-one.md", MemoryHandbook.page("One", "## A-1 First rule\n\nFollow C-1.\n")),
        ("02-two.md", MemoryHandbook.page("Two", "## B-1 Second rule\n\nText two.\n")),
        ("03-three.md", MemoryHandbook.page("Three", "## C-1 Third rule\n\nText three.\n")),
    ]

    /// The chapters with chapter `index` (from 0) given `title` and `body` instead.
    private static func chapters(changing index: Int, title: String, body: String) -> [MemoryHandbook.Page] {
        var pages = chapters
        pages[index].text = MemoryHandbook.page(title, body)
        return pages
    }

    /// The keys the renderer computes for a handbook: each unit's inputs, hashed with the frame.
    private struct Keys {
        let handbook: ResolvedHandbook
        let keys: RenderKeys

        func chapter(_ index: Int) -> RenderKey { keys.key(ChapterUnit(index, handbook: handbook)) }
        func site() -> RenderKey { keys.key(SiteUnit(handbook)) }
    }

    private func keys(_ chapters: [MemoryHandbook.Page] = chapters, templates: TemplateSet? = nil) throws -> Keys {
        let handbook = try MemoryHandbook(chapters: chapters).resolved()
        return Keys(handbook: handbook, keys: RenderKeys(frame: PageFrame(handbook), templates: try templates ?? MemoryHandbook.templates()))
    }

    private func chapterKeys(_ keys: Keys) -> [RenderKey] {
        keys.handbook.chapters.indices.map(keys.chapter)
    }

    @Test("the same handbook, resolved again, has the same keys")
    func stable() throws {
        #expect(try chapterKeys(keys()) == chapterKeys(keys()))
        #expect(try keys().site() == keys().site())
    }

    @Test("a chapter's key changes with its text")
    func text() throws {
        let changed = try chapterKeys(keys(Self.chapters(changing: 0, title: "One", body: "## A-1 First rule\n\nFollow C-1 always.\n")))
        let base = try chapterKeys(keys())
        #expect(changed[0] != base[0])
        #expect(changed[1...] == base[1...], "the text is shown on its own chapter's pages only")
    }

    @Test("a chapter's key changes with its title")
    func title() throws {
        let changed = try keys(Self.chapters(changing: 0, title: "One, renamed", body: "## A-1 First rule\n\nFollow C-1.\n"))
        #expect(try changed.chapter(0) != keys().chapter(0))
    }

    @Test("a chapter's key changes with the title of a rule it cites, in another chapter")
    func citedRuleTitle() throws {
        let changed = try keys(Self.chapters(changing: 2, title: "Three", body: "## C-1 Third rule, renamed\n\nText three.\n"))
        #expect(try changed.chapter(0) != keys().chapter(0))
    }

    @Test("a chapter's key stays the same when a chapter it neither cites nor neighbours changes its text")
    func unrelatedChapter() throws {
        let changed = try chapterKeys(keys(Self.chapters(changing: 2, title: "Three", body: "## C-1 Third rule\n\nOther words.\n")))
        let base = try chapterKeys(keys())
        #expect(changed[0] == base[0])
        #expect(changed[1] == base[1])
        #expect(changed[2] != base[2])
    }

    @Test("every chapter's key changes with the templates")
    func templates() throws {
        let builtIn = TemplateFiles.builtIn
        var files = builtIn.files
        let chapter = try #require(files["chapter.mustache"])
        files["chapter.mustache"] = chapter + Data("{{! a comment }}\n".utf8)
        let (edited, problems) = TemplateSet.load(TemplateFiles(root: builtIn.root, files: files))
        let templates = try #require(edited, "\(problems)")
        let changed = try chapterKeys(keys(templates: templates))
        let base = try chapterKeys(keys())
        #expect(zip(changed, base).allSatisfy { $0 != $1 })
    }

    @Test("the key of the pages that list the whole handbook follows the rules' titles, not the chapters' text")
    func site() throws {
        let base = try keys().site()
        #expect(try keys(Self.chapters(changing: 1, title: "Two", body: "## B-1 Second rule\n\nNew words.\n")).site() == base)
        #expect(try keys(Self.chapters(changing: 1, title: "Two", body: "## B-1 Second rule, renamed\n\nText two.\n")).site() != base)
    }
}
