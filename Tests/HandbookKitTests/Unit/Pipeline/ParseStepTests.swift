import Foundation
import Testing
@testable import HandbookKit

/// `serve`'s rebuilds take a page from the cache without reading its file while the file's
/// stamp is the one it had when read; any change to the file must be read.
@Suite("Parse step: pages kept between rebuilds")
struct ParseStepTests {
    struct Session {
        let handbook: TestHandbook
        let cache = BuildCache()
        var chapter: String { handbook.content + "/chapters/02-second.md" }
        var options: BuildOptions { BuildOptions(content: handbook.content, templates: handbook.templates, output: handbook.output) }

        init() async throws {
            handbook = try TestHandbook(["chapters/02-second.md": "---\ntitle: Second\n---\n\nSecond text.\n"])
            #expect(await HandbookBuilder.build(options, cache: cache).succeeded)
        }

        /// Whether the chapter as it is now would be taken from the cache unread.
        var unread: Bool {
            FileStamp(path: chapter).flatMap {
                cache.parsedPage(at: chapter, stamp: $0, kind: .chapter, allowRawHTML: false, grammar: .standard)
            } != nil
        }

        /// Rewrites the chapter in place: the same file, so the same inode.
        func overwrite(_ text: String) throws {
            let handle = try #require(FileHandle(forWritingAtPath: chapter))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }

        func rebuilt() async throws -> (rendered: Int, page: String) {
            let report = await HandbookBuilder.rebuild(options, cache: cache)
            #expect(report.succeeded, "\(report.diagnostics)")
            return (try #require(report.summary?.rendered), try handbook.read("chapters/second.html"))
        }
    }

    @Test("an unchanged file is taken from the cache unread, and one rewritten in place with as many bytes is read")
    func rewritten() async throws {
        let session = try await Session()
        defer { session.handbook.remove() }
        #expect(session.unread)
        #expect(try await session.rebuilt().rendered == 0)

        try session.overwrite("---\ntitle: Second\n---\n\nSecond TEXT.\n")
        #expect(!session.unread)
        #expect(try await session.rebuilt().page.contains("Second TEXT."))
        #expect(session.unread)
    }

    @Test("a file touched is read again, its page not rendered again, and then taken unread")
    func touched() async throws {
        let session = try await Session()
        defer { session.handbook.remove() }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: session.chapter)
        #expect(!session.unread)
        #expect(try await session.rebuilt().rendered == 0)
        #expect(session.unread)
    }

    @Test("a file rewritten with as many bytes and its modification time put back is read: its status changed")
    func modificationTimePutBack() async throws {
        let session = try await Session()
        defer { session.handbook.remove() }
        var before = stat()
        #expect(stat(session.chapter, &before) == 0)
        // On a file system whose clock is coarse, a change in the same tick would keep the
        // status change time: wait for the next tick (at once on a fine-grained one).
        let probe = session.handbook.folder + "/probe"
        #expect(await waitUntil {
            var status = stat()
            return FileManager.default.createFile(atPath: probe, contents: Data()) && stat(probe, &status) == 0
                && (status.st_ctim.tv_sec, status.st_ctim.tv_nsec) != (before.st_ctim.tv_sec, before.st_ctim.tv_nsec)
        })
        try session.overwrite("---\ntitle: Second\n---\n\nSecond TEXT.\n")
        #expect(utimensat(AT_FDCWD, session.chapter, [before.st_atim, before.st_mtim], 0) == 0)
        #expect(!session.unread)
        #expect(try await session.rebuilt().page.contains("Second TEXT."))
    }
}
