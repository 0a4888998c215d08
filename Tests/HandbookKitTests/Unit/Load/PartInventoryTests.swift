import Foundation
import Testing
@testable import HandbookKit

/// Parts: folders of `chapters/` with a part.yml, found and ordered with the chapters.
@Suite("ContentInventory: parts")
struct PartInventoryTests {
    private static let chapter = "---\ntitle: A chapter\n---\n\nText.\n"

    private func scan(_ files: [String: String]) throws -> (ContentInventory, [Diagnostic], TestHandbook) {
        let handbook = try TestHandbook(files.merging(["handbook.yml": "title: T\n"]) { first, _ in first }, minimal: false)
        let (inventory, diagnostics) = ContentInventory.scan(contentFolder: handbook.content)
        return (inventory, diagnostics, handbook)
    }

    @Test("parts and chapters outside them are ordered together by number, a part's chapters by theirs")
    func order() throws {
        let (inventory, diagnostics, handbook) = try scan([
            "chapters/01-intro.md": Self.chapter,
            "chapters/02-standards/part.yml": "title: Standards\nsummary: What to meet.\n",
            "chapters/02-standards/10-later.md": Self.chapter,
            "chapters/02-standards/2-first.md": Self.chapter,
            "chapters/03-patterns/part.yml": "title: Patterns\n",
            "chapters/03-patterns/01-shared.md": Self.chapter,
            "chapters/04-glossary.md": Self.chapter,
        ])
        defer { handbook.remove() }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(inventory.chapters.map(\.slug) == ["intro", "first", "later", "shared", "glossary"])
        #expect(inventory.chapters.map(\.partFolder) == [nil, "02-standards", "02-standards", "03-patterns", nil])
        #expect(inventory.chapters[1].relativePath == "02-standards/2-first.md")
        #expect(inventory.chapters[1].path == handbook.content + "/chapters/02-standards/2-first.md")
        #expect(inventory.parts == [
            HandbookPart(id: "standards", folderName: "02-standards", title: "Standards", summary: "What to meet."),
            HandbookPart(id: "patterns", folderName: "03-patterns", title: "Patterns", summary: nil),
        ])
    }

    @Test("a page's content path and folder include its part, so its links start there")
    func contentPath() throws {
        let (inventory, _, handbook) = try scan([
            "chapters/02-standards/part.yml": "title: Standards\n", "chapters/02-standards/01-open.md": Self.chapter,
        ])
        defer { handbook.remove() }
        let (page, problems) = PageParser.parse(try #require(inventory.chapters.first), kind: .chapter, allowRawHTML: false, grammar: .standard)
        #expect(problems.isEmpty, "\(problems)")
        #expect(page?.contentPath == "chapters/02-standards/01-open.md")
        #expect(page?.contentFolder == "chapters/02-standards")
        #expect(LinkTarget.classify("../03-principles/01-clarity.md#why", sourceFolder: "chapters/02-standards")
            == .content(path: "chapters/03-principles/01-clarity.md", anchor: "why"))
    }

    @Test("a part folder without part.yml is an error at the folder, and its chapters are not read")
    func missingConfig() throws {
        let (inventory, diagnostics, handbook) = try scan([
            "chapters/01-intro.md": Self.chapter, "chapters/02-standards/01-open.md": Self.chapter,
        ])
        defer { handbook.remove() }
        #expect(diagnostics.map(\.code) == [.partConfigMissing])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.location.file.hasSuffix("/chapters/02-standards") == true)
        #expect(diagnostics.first?.suggestion?.contains("02-standards/part.yml") == true)
        #expect(inventory.chapters.map(\.slug) == ["intro"])
    }

    @Test("an unknown key in part.yml is an error at its line, with did you mean; a missing title too")
    func badConfig() throws {
        let (inventory, diagnostics, handbook) = try scan([
            "chapters/02-standards/part.yml": "title: Standards\nsumary: Typo.\n",
            "chapters/02-standards/01-open.md": Self.chapter,
            "chapters/03-patterns/part.yml": "summary: No title.\n",
            "chapters/03-patterns/01-shared.md": Self.chapter,
        ])
        defer { handbook.remove() }
        let unknown = try #require(diagnostics.first { $0.code == .configUnknownKey })
        #expect(unknown.location.file.hasSuffix("/chapters/02-standards/part.yml"))
        #expect(unknown.location.line == 2)
        #expect(unknown.suggestion == "did you mean 'summary'?")
        let missing = try #require(diagnostics.first { $0.code == .configMissingKey })
        #expect(missing.location.file.hasSuffix("/chapters/03-patterns/part.yml"))
        #expect(diagnostics.count == 2, "\(diagnostics)")
        #expect(inventory.parts.map(\.id) == ["standards"])
    }

    @Test("a part without chapters is a warning")
    func empty() throws {
        let (inventory, diagnostics, handbook) = try scan([
            "chapters/01-intro.md": Self.chapter, "chapters/02-standards/part.yml": "title: Standards\n",
        ])
        defer { handbook.remove() }
        #expect(diagnostics.map(\.code) == [.partEmpty])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("Standards") == true)
        #expect(inventory.parts.map(\.id) == ["standards"])
    }

    @Test("a folder inside a part is an error: parts have one level; a file that is not Markdown is left out with a warning")
    func nested() throws {
        let (inventory, diagnostics, handbook) = try scan([
            "chapters/02-standards/part.yml": "title: Standards\n",
            "chapters/02-standards/01-open.md": Self.chapter,
            "chapters/02-standards/03-more/01-deep.md": Self.chapter,
            "chapters/02-standards/notes.txt": "notes",
        ])
        defer { handbook.remove() }
        #expect(diagnostics.map(\.code) == [.partNested, .contentIgnored])
        #expect(diagnostics.first?.location.file.hasSuffix("/chapters/02-standards/03-more") == true)
        #expect(diagnostics.last?.severity == .warning)
        #expect(inventory.chapters.map(\.slug) == ["open"])
    }

    @Test("badly named part folders, a part's slug twice, and a number shared by a part and a chapter are errors")
    func names() throws {
        let (_, diagnostics, handbook) = try scan([
            "chapters/Standards/part.yml": "title: Standards\n", "chapters/Standards/01-open.md": Self.chapter,
            "chapters/02-patterns/part.yml": "title: Patterns\n", "chapters/02-patterns/01-shared.md": Self.chapter,
            "chapters/03-patterns/part.yml": "title: More patterns\n", "chapters/03-patterns/01-more.md": Self.chapter,
            "chapters/03-intro.md": Self.chapter,
        ])
        defer { handbook.remove() }
        let byCode = Dictionary(grouping: diagnostics, by: \.code)
        #expect(Set(byCode.keys) == [.partName, .chapterOrder])
        #expect(byCode[.partName]?.count == 2)
        #expect(byCode[.partName]?.contains { $0.suggestion == "rename it, for example to 05-standards" } == true)
        #expect(byCode[.partName]?.contains { $0.message.contains("also used by 02-patterns/") } == true)
        // 03-patterns/ is told 04, as 03 is 03-intro.md's; then Standards/ 05.
        #expect(byCode[.chapterOrder]?.first?.suggestion == "give each chapter and part its own number: rename it, for example to 04-patterns")
    }

    @Test("a chapter's slug must be unique across parts; the error names both files")
    func duplicateSlug() throws {
        let (_, diagnostics, handbook) = try scan([
            "chapters/01-open.md": Self.chapter,
            "chapters/02-standards/part.yml": "title: Standards\n", "chapters/02-standards/01-open.md": Self.chapter,
        ])
        defer { handbook.remove() }
        #expect(diagnostics.map(\.code) == [.chapterDuplicate])
        #expect(diagnostics.first?.location.file.hasSuffix("/chapters/02-standards/01-open.md") == true)
        #expect(diagnostics.first?.message.contains("also used by 01-open.md") == true)
    }

    @Test("chapters are cut into runs by part, in one pass; none when no chapter is in a part")
    func groups() {
        let a = HandbookPart(id: "a", folderName: "02-a", title: "A")
        let b = HandbookPart(id: "b", folderName: "03-b", title: "B")
        #expect(PartGroup.groups([nil, nil]) == nil)
        #expect(PartGroup.groups([nil, a, a, b, nil, nil]) == [
            PartGroup(part: nil, chapters: 0..<1), PartGroup(part: a, chapters: 1..<3),
            PartGroup(part: b, chapters: 3..<4), PartGroup(part: nil, chapters: 4..<6),
        ])
    }
}
