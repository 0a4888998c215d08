import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookServe

/// What `handbook serve` notices: files at any depth of the content folder, so a part's
/// part.yml and a new part folder with its chapters trigger a rebuild. Every wait is for the
/// change to be reported, however long the machine takes; none asserts how soon.
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

    @Test("a file moved over another of the same size and modification time is a change")
    func movedOver() throws {
        let handbook = try TestHandbook(["chapters/02-second.md": "Second, version A.\n"])
        defer { handbook.remove() }
        let chapter = handbook.content + "/chapters/02-second.md"
        let backup = handbook.folder + "/02-second.md"
        try "Second, version B.\n".write(toFile: backup, atomically: false, encoding: .utf8)
        var status = stat()
        #expect(stat(chapter, &status) == 0)
        // The same modification time to the nanosecond, as `cp -p` or a restore from a backup leaves it.
        let times = [status.st_atim, status.st_mtim]
        #expect(utimensat(AT_FDCWD, backup, times, 0) == 0)
        let watcher = SourceWatcher(folders: [handbook.content])
        let before = watcher.snapshot()
        #expect(rename(backup, chapter) == 0)
        #expect(SourceWatcher.changes(from: before, to: watcher.snapshot()) == [chapter])
    }

    @Test("hidden files and folders, which no build reads, are not in a snapshot")
    func hidden() throws {
        let handbook = try TestHandbook([".git/HEAD": "ref", "chapters/.01-first.md.swp": "x", "chapters/.drafts/01-a.md": "x"])
        defer { handbook.remove() }
        let files = SourceWatcher(folders: [handbook.content]).snapshot().keys.sorted()
        #expect(files == [handbook.content + "/chapters/01-first.md", handbook.content + "/handbook.yml"])
    }

    @Test("polling, where the kernel does not tell, notices a new file and an edit")
    func polling() async throws {
        let handbook = try TestHandbook()
        defer { handbook.remove() }
        let reported = ReportedChanges(SourceWatcher(folders: [handbook.content], events: false))
        defer { reported.stop() }
        #expect(reported.changes.source == .polling)
        let chapter = handbook.content + "/chapters/02-second.md"
        try handbook.write("---\ntitle: Second\n---\n", to: "chapters/02-second.md")
        #expect(await waitUntil { reported.count(chapter) == 1 })
        try handbook.write("---\ntitle: Second, edited\n---\n", to: "chapters/02-second.md")
        #expect(await waitUntil { reported.count(chapter) == 2 })
    }

    #if os(Linux)
        /// A watcher on the handbook's content folder that is told of changes by the kernel.
        private static func watching(_ handbook: TestHandbook) throws -> ReportedChanges {
            let reported = ReportedChanges(SourceWatcher(folders: [handbook.content]))
            try #require(reported.changes.source == .events, "inotify is not available")
            return reported
        }

        @Test("inotify: a new file, an edited file and a removed file")
        func files() async throws {
            let handbook = try TestHandbook()
            defer { handbook.remove() }
            let reported = try Self.watching(handbook)
            defer { reported.stop() }
            let chapter = handbook.content + "/chapters/02-second.md"

            try handbook.write("---\ntitle: Second\n---\n", to: "chapters/02-second.md")
            #expect(await waitUntil { reported.count(chapter) == 1 })
            try handbook.write("---\ntitle: Second, edited\n---\n", to: "chapters/02-second.md")
            #expect(await waitUntil { reported.count(chapter) == 2 })
            try FileManager.default.removeItem(atPath: chapter)
            #expect(await waitUntil { reported.count(chapter) == 3 })
            #expect(reported.changes.source == .events)
        }

        @Test("inotify: a file saved as editors do, to a temporary file renamed over it")
        func savedByRename() async throws {
            let handbook = try TestHandbook()
            defer { handbook.remove() }
            let reported = try Self.watching(handbook)
            defer { reported.stop() }
            let chapter = handbook.content + "/chapters/01-first.md"

            try handbook.write("---\ntitle: First, saved by rename\n---\n\nText.\n", to: "chapters/01-first.md.tmp")
            #expect(rename(chapter + ".tmp", chapter) == 0)
            #expect(await waitUntil { reported.count(chapter) == 1 })
            // A hidden temporary file, as some editors use.
            try handbook.write("---\ntitle: First, saved again\n---\n", to: "chapters/.01-first.md.swp")
            #expect(rename(handbook.content + "/chapters/.01-first.md.swp", chapter) == 0)
            #expect(await waitUntil { reported.count(chapter) == 2 })
        }

        @Test("inotify: files in a new folder, and in folders created, moved in, renamed and removed below it later")
        func newFolders() async throws {
            let handbook = try TestHandbook()
            defer { handbook.remove() }
            let reported = try Self.watching(handbook)
            defer { reported.stop() }
            let part = handbook.content + "/chapters/02-part"

            try handbook.write("title: Part\n", to: "chapters/02-part/part.yml")
            #expect(await waitUntil { reported.count(part + "/part.yml") == 1 })
            // Seen only if the new folder is watched: nothing else changes.
            try handbook.write("title: Part, edited\n", to: "chapters/02-part/part.yml")
            #expect(await waitUntil { reported.count(part + "/part.yml") == 2 })

            try handbook.write(Data([1, 2, 3]), to: "media/a/b/c.png")
            #expect(await waitUntil { reported.count(handbook.content + "/media/a/b/c.png") == 1 })
            try handbook.write(Data([1, 2, 3, 4]), to: "media/a/b/c.png")
            #expect(await waitUntil { reported.count(handbook.content + "/media/a/b/c.png") == 2 })

            // A folder made outside the content folder and moved in, then renamed.
            let outside = handbook.folder + "/figures"
            try FileManager.default.createDirectory(atPath: outside + "/inner", withIntermediateDirectories: true)
            try Data([1]).write(to: URL(fileURLWithPath: outside + "/inner/d.png"))
            try FileManager.default.moveItem(atPath: outside, toPath: handbook.content + "/media/figures")
            #expect(await waitUntil { reported.count(handbook.content + "/media/figures/inner/d.png") == 1 })
            try FileManager.default.moveItem(atPath: handbook.content + "/media/figures", toPath: handbook.content + "/media/plates")
            let moved = handbook.content + "/media/plates/inner/d.png"
            #expect(await waitUntil { reported.count(moved) == 1 })
            try Data([1, 2]).write(to: URL(fileURLWithPath: moved))
            #expect(await waitUntil { reported.count(moved) == 2 })
            // Removed, folders and all.
            try FileManager.default.removeItem(atPath: handbook.content + "/media")
            #expect(await waitUntil { reported.count(moved) == 3 })
            #expect(reported.changes.source == .events)
        }

        @Test("inotify: a file being written is a change; closed after writing, or renamed into place, a completed save")
        func savesComplete() throws {
            let handbook = try TestHandbook()
            defer { handbook.remove() }
            var watches = try #require(FolderWatches(folders: [handbook.content]))
            defer { watches.close() }
            let path = handbook.content + "/chapters/02-second.md"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try file.write(contentsOf: Data("---\ntitle: Second\n---\n".utf8))
            #expect(watches.read() == .changed, "still open for writing")
            try file.close()
            #expect(watches.read() == .saved)
            #expect(watches.read() == .quiet)
            try Data("x".utf8).write(to: URL(fileURLWithPath: handbook.content + "/chapters/.02-second.md.swp"))
            #expect(watches.read() == .quiet, "hidden files are not read by the build")
            #expect(rename(handbook.content + "/chapters/.02-second.md.swp", path) == 0)
            #expect(watches.read() == .saved)
            try FileManager.default.removeItem(atPath: path)
            #expect(watches.read() == .changed)
        }

        @Test("inotify: a burst of writes is one change set, however the kernel's events came")
        func burst() async throws {
            let handbook = try TestHandbook()
            defer { handbook.remove() }
            let changes = SourceWatcher(folders: [handbook.content]).start()
            defer { changes.stop() }
            try #require(changes.source == .events, "inotify is not available")
            let names = (2...9).map { "chapters/0\($0)-chapter.md" }
            for name in names {
                try handbook.write("---\ntitle: A chapter\n---\n", to: name)
            }
            var iterator = changes.makeAsyncIterator()
            #expect(await iterator.next() == names.map { handbook.content + "/" + $0 })
            // Nothing of the burst is left to report: the next change set is the next change.
            try handbook.write("title: Test handbook, edited\n", to: "handbook.yml")
            #expect(await iterator.next() == [handbook.content + "/handbook.yml"])
        }

        @Test("inotify: when the content folder itself is removed, polling takes over and sees it come back")
        func fallback() async throws {
            let handbook = try TestHandbook()
            defer { handbook.remove() }
            let reported = try Self.watching(handbook)
            defer { reported.stop() }
            try FileManager.default.removeItem(atPath: handbook.content)
            #expect(await waitUntil { reported.changes.source == .polling && reported.count(handbook.content + "/handbook.yml") == 1 })
            try handbook.write("title: Back\n", to: "handbook.yml")
            #expect(await waitUntil { reported.count(handbook.content + "/handbook.yml") >= 2 })
        }

        @Test("a folder that does not exist yet is polled, and its files are seen when it is made")
        func missingFolder() async throws {
            let handbook = try TestHandbook()
            defer { handbook.remove() }
            let templates = handbook.folder + "/Templates"
            let reported = ReportedChanges(SourceWatcher(folders: [handbook.content, templates]))
            defer { reported.stop() }
            #expect(reported.changes.source == .polling)
            try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
            try "<html></html>".write(toFile: templates + "/page.mustache", atomically: false, encoding: .utf8)
            #expect(await waitUntil { reported.count(templates + "/page.mustache") == 1 })
        }
    #endif
}
