import Foundation
import Testing
@testable import HandbookKit

@Suite("ContentInventory")
struct ContentInventoryTests {
    private static let chapter = "---\ntitle: A chapter\n---\n\nText.\n"

    /// A content folder with `files` (path: text) and nothing else, removed when `body` ends.
    private func withContent(_ files: [String: String], _ body: (TestHandbook) throws -> Void) throws {
        let handbook = try TestHandbook(files, minimal: false)
        defer { handbook.remove() }
        try body(handbook)
    }

    @Test("chapters are ordered by their number, not their name, and take the slug after it; tip lists and media are found")
    func inventory() throws {
        try withContent([
            "handbook.yml": "title: T\n",
            "chapters/10-ten.md": Self.chapter, "chapters/2-two.md": Self.chapter, "chapters/01-one.md": Self.chapter,
            "chapters/.hidden.md": Self.chapter,
            "tips/quick-tips.md": Self.chapter,
            "media/photos/a.png": "png", "media/b.png": "png", "media/.DS_Store": "x",
        ]) { handbook in
            let (inventory, diagnostics) = ContentInventory.scan(contentFolder: handbook.content)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            #expect(inventory.chapters.map(\.fileName) == ["01-one.md", "2-two.md", "10-ten.md"])
            #expect(inventory.chapters.map(\.slug) == ["one", "two", "ten"])
            #expect(inventory.chapters.first?.path == handbook.content + "/chapters/01-one.md")
            #expect(inventory.tipLists.map(\.slug) == ["quick-tips"])
            #expect(inventory.media.map(\.relativePath) == ["b.png", "photos/a.png"])
        }
    }

    @Test("LoadStep reads handbook.yml beside the inventory")
    func config() throws {
        try withContent(["handbook.yml": "title: My handbook\nlanguage: en-GB\n", "chapters/01-one.md": Self.chapter]) { handbook in
            let (loaded, diagnostics) = LoadStep.run(contentFolder: handbook.content)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            #expect(loaded.config?.title == "My handbook")
            #expect(loaded.config?.language == "en-GB")
            #expect(loaded.inventory.chapters.map(\.slug) == ["one"])
        }
    }

    @Test("a missing handbook.yml is an error, and leaves no settings to resolve with")
    func missingConfig() throws {
        try withContent(["chapters/01-one.md": Self.chapter]) { handbook in
            let (loaded, diagnostics) = LoadStep.run(contentFolder: handbook.content)
            #expect(loaded.config == nil)
            #expect(diagnostics.map(\.code) == [.configMissing])
            #expect(diagnostics.first?.severity == .error)
            #expect(diagnostics.first?.location.file.hasSuffix("/Content/handbook.yml") == true)
            #expect(loaded.inventory.chapters.count == 1, "the chapters are still found")
        }
    }

    @Test("a file in chapters/ that is not Markdown is left out with a warning")
    func notMarkdown() throws {
        try withContent(["handbook.yml": "title: T\n", "chapters/01-one.md": Self.chapter, "chapters/notes.txt": "notes"]) { handbook in
            let (inventory, diagnostics) = ContentInventory.scan(contentFolder: handbook.content)
            #expect(inventory.chapters.map(\.fileName) == ["01-one.md"])
            #expect(diagnostics.map(\.code) == [.contentIgnored])
            #expect(diagnostics.first?.severity == .warning)
            #expect(diagnostics.first?.location.file.hasSuffix("/chapters/notes.txt") == true)
        }
    }

    @Test("badly named chapters and tip lists are reported: no number, a number twice, a slug twice, capitals; suggested numbers are free")
    func badNames() throws {
        try withContent([
            "handbook.yml": "title: T\n",
            "chapters/intro.md": Self.chapter, "chapters/01-a.md": Self.chapter, "chapters/1-b.md": Self.chapter,
            "chapters/02-a.md": Self.chapter, "tips/Quick Tips.md": Self.chapter,
        ]) { handbook in
            let (inventory, diagnostics) = ContentInventory.scan(contentFolder: handbook.content)
            let byCode = Dictionary(grouping: diagnostics, by: \.code)
            #expect(Set(byCode.keys) == [.chapterName, .chapterOrder, .chapterDuplicate, .tipsName])
            #expect(diagnostics.allSatisfy { $0.severity == .error })
            // Suggested names never take a number a chapter has: 1-b.md is told 03, intro.md 04.
            #expect(byCode[.chapterName]?.first?.suggestion == "rename it, for example to 04-intro.md")
            #expect(byCode[.chapterOrder]?.first?.suggestion
                == "give each chapter and part its own number: rename it, for example to 03-b.md")
            #expect(byCode[.chapterOrder]?.first?.location.file.hasSuffix("/chapters/1-b.md") == true)
            #expect(byCode[.chapterDuplicate]?.first?.location.file.hasSuffix("/chapters/02-a.md") == true)
            #expect(inventory.chapters.map(\.fileName) == ["01-a.md", "1-b.md", "02-a.md"])
            #expect(inventory.tipLists.isEmpty)
        }
    }

    @Test("a missing content folder, and one without chapters, are reported")
    func missingContent() throws {
        let (_, missing) = ContentInventory.scan(contentFolder: NSTemporaryDirectory() + "handbook-no-such-folder-" + UUID().uuidString)
        #expect(missing.map(\.code) == [.contentMissing])
        try withContent(["handbook.yml": "title: T\n"]) { handbook in
            let (inventory, diagnostics) = ContentInventory.scan(contentFolder: handbook.content)
            #expect(inventory.chapters.isEmpty)
            #expect(diagnostics.map(\.code) == [.contentNoChapters])
        }
    }

    @Test("LoadStep refuses media a browser would run, unless handbook.yml trusts them")
    func activeMedia() throws {
        let files = ["chapters/01-one.md": Self.chapter, "media/page.html": "<script></script>", "media/photo.png": "png"]
        try withContent(files.merging(["handbook.yml": "title: T\n"]) { $1 }) { handbook in
            let (_, diagnostics) = LoadStep.run(contentFolder: handbook.content)
            #expect(diagnostics.map(\.code) == [.mediaActive])
            #expect(diagnostics.first?.location.file.hasSuffix("/media/page.html") == true)
        }
        try withContent(files.merging(["handbook.yml": "title: T\nallow_active_media: true\n"]) { $1 }) { handbook in
            #expect(LoadStep.run(contentFolder: handbook.content).1.isEmpty)
        }
    }
}
