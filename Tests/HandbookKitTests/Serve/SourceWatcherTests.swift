import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookServe

/// What `handbook serve` notices: files at any depth of the content folder, so a part's
/// part.yml and a new part folder with its chapters trigger a rebuild.
@Suite("Source watcher")
struct SourceWatcherTests {
    @Test("a changed part.yml and a new part folder are changes")
    func parts() throws {
        let handbook = try TestHandbook(["chapters/02-standards/part.yml": "title: Standards\n", "chapters/02-standards/01-open.md": "x"])
        defer { handbook.remove() }
        let watcher = SourceWatcher(folders: [handbook.content])
        let before = watcher.snapshot()
        #expect(before.keys.contains(handbook.content + "/chapters/02-standards/part.yml"))

        try handbook.write("title: Standards and requirements\n", to: "chapters/02-standards/part.yml")
        try handbook.write("title: Patterns\n", to: "chapters/03-patterns/part.yml")
        try handbook.write("x", to: "chapters/03-patterns/01-shared.md")
        let changes = SourceWatcher.changes(from: before, to: watcher.snapshot())
        #expect(changes == [
            handbook.content + "/chapters/02-standards/part.yml",
            handbook.content + "/chapters/03-patterns/01-shared.md",
            handbook.content + "/chapters/03-patterns/part.yml",
        ])
    }
}
