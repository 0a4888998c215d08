import Foundation
import Testing
@testable import HandbookKit

@Suite("Atomic output")
struct AtomicOutputTests {
    @Test("a failing build leaves the previous output exactly as it was")
    func failedBuildLeavesSite() async throws {
        let handbook = try TestHandbook()
        #expect(await handbook.build().succeeded)
        let before = try folderContents(handbook.output)
        #expect(!before.isEmpty)

        try handbook.write("---\ntitle: First\n---\n\nSee [x](rule:MISSING-1).\n", to: "chapters/01-first.md")
        let report = await handbook.build()
        #expect(!report.succeeded)
        #expect(try folderContents(handbook.output) == before)
        #expect(try leftovers(beside: handbook.output) == [])
    }

    @Test("a template error leaves the previous output exactly as it was")
    func templateErrorLeavesSite() async throws {
        var handbook = try TestHandbook()
        #expect(await handbook.build().succeeded)
        let before = try folderContents(handbook.output)
        let templates = handbook.folder + "/Templates"
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: templates)
        try "{{#unclosed}}".write(toFile: templates + "/chapter.mustache", atomically: true, encoding: .utf8)
        handbook.templates = templates
        #expect(!(await handbook.build().succeeded))
        #expect(try folderContents(handbook.output) == before)
    }

    @Test("a successful build replaces the output as a whole: files of old pages disappear")
    func replacesWhole() async throws {
        let handbook = try TestHandbook(["chapters/02-old.md": "---\ntitle: Old\n---\n\nOld.\n"])
        #expect(await handbook.build().succeeded)
        #expect(handbook.exists("chapters/old.html"))
        try FileManager.default.removeItem(atPath: handbook.content + "/chapters/02-old.md")
        #expect(await handbook.build().succeeded)
        #expect(!handbook.exists("chapters/old.html"))
        #expect(handbook.exists(".handbook-output"))
        #expect(try leftovers(beside: handbook.output) == [])
    }

    @Test("refuses to replace a non-empty folder it did not write, and touches nothing")
    func refusesForeignFolder() async throws {
        let handbook = try TestHandbook()
        try FileManager.default.createDirectory(atPath: handbook.output, withIntermediateDirectories: true)
        try "precious".write(toFile: handbook.output + "/notes.txt", atomically: true, encoding: .utf8)
        let report = await handbook.build()
        #expect(report.diagnostics.map(\.code) == [.outputNotOurs])
        #expect(try folderContents(handbook.output) == ["notes.txt": Data("precious".utf8)])
        #expect(try leftovers(beside: handbook.output) == [])
    }

    @Test("an empty folder may be used as output")
    func emptyFolder() async throws {
        let handbook = try TestHandbook()
        try FileManager.default.createDirectory(atPath: handbook.output, withIntermediateDirectories: true)
        #expect(await handbook.build().succeeded)
        #expect(handbook.exists("index.html"))
    }

    @Test("refuses an output path that is a file")
    func outputIsFile() async throws {
        let handbook = try TestHandbook()
        try "x".write(toFile: handbook.output, atomically: true, encoding: .utf8)
        #expect(await handbook.build().diagnostics.map(\.code) == [.outputNotFolder])
        #expect(try String(contentsOfFile: handbook.output, encoding: .utf8) == "x")
    }

    @Test("a whole build keeps the files whose bytes did not change: same inode, same modification time")
    func unchangedFilesKept() async throws {
        let handbook = try TestHandbook(["chapters/02-second.md": "---\ntitle: Second\n---\n\nSecond chapter.\n"])
        #expect(await handbook.build().succeeded)
        let first = try fileIdentities(handbook.output)
        #expect(first.count > 10)

        #expect(await handbook.build().succeeded)
        #expect(try fileIdentities(handbook.output) == first)

        try handbook.write("---\ntitle: Second\n---\n\nSecond chapter, reworded.\n", to: "chapters/02-second.md")
        #expect(await handbook.build().succeeded)
        let third = try fileIdentities(handbook.output)
        let changed = Set(third.keys.filter { third[$0] != first[$0] })
        // The chapter, its embed, and the editions that hold its text; the home page shows the
        // archive's size, which may or may not change.
        #expect(changed.isSuperset(of: [
            "chapters/second.html", "embed/chapters/second.html", "print.html", "search-index.json", "handbook-offline.zip",
        ]))
        #expect(!changed.contains("chapters/first.html"))
        #expect(!changed.contains("search.html"))
        #expect(changed.count < third.count / 2)
        #expect(try String(contentsOfFile: handbook.output + "/chapters/second.html", encoding: .utf8).contains("reworded"))
        #expect(try leftovers(beside: handbook.output) == [])
    }

    @Test("a build never writes into the files of the output it replaces, which new files may share")
    func oldFilesNeverWrittenThrough() async throws {
        var handbook = try TestHandbook()
        handbook.templates = handbook.folder + "/Templates"
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: handbook.templates)
        #expect(await handbook.build().succeeded)
        #expect(await handbook.build().succeeded)
        // Hard links to every file of the output: if a build wrote into a file it had linked to
        // the old output, these would change.
        let snapshot = handbook.folder + "/snapshot"
        let before = try folderContents(handbook.output)
        for path in before.keys {
            try FileManager.default.createDirectory(
                atPath: ((snapshot + "/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(link(handbook.output + "/" + path, snapshot + "/" + path) == 0)
        }
        // An asset that does not compress changes only the archive's size shown on the home page
        // (the EPUB has no site assets), so the home page is written twice in this build: first
        // as it was (a link to the old file), then with the new size.
        var generator = SystemRandomNumberGenerator()
        try Data((0..<60_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
            .write(to: URL(fileURLWithPath: handbook.templates + "/assets/noise.bin"))
        #expect(await handbook.build().succeeded)
        #expect(try folderContents(snapshot) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: handbook.output + "/index.html")) != before["index.html"])
    }

    @Test("a symbolic link left in the output folder is not carried into the new site, even with the same bytes")
    func symbolicLinkNotKept() async throws {
        let handbook = try TestHandbook()
        #expect(await handbook.build().succeeded)
        let page = handbook.output + "/search.html"
        let elsewhere = handbook.folder + "/elsewhere.html"
        try FileManager.default.moveItem(atPath: page, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: elsewhere)
        #expect(await handbook.build().succeeded)
        let attributes = try FileManager.default.attributesOfItem(atPath: page)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    }

    /// Each file's inode and modification time, by path.
    private func fileIdentities(_ folder: String) throws -> [String: String] {
        var identities: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var status = stat()
            guard lstat(folder + "/" + path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            identities[path] = "\(status.st_ino) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
        return identities
    }
}

@Suite("Build progress")
struct BuildProgressTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var calls: [(String, Int, Int)] = []
        func record(_ step: String, _ done: Int, _ total: Int) {
            lock.lock()
            calls.append((step, done, total))
            lock.unlock()
        }
    }

    @Test("progress is reported for every page task, then for each later step")
    func progress() async throws {
        let handbook = try TestHandbook(fixture: "awkward")
        let recorder = Recorder()
        var options = BuildOptions(content: handbook.content, templates: Repository.templates, output: handbook.output)
        options.progress = { recorder.record($0, $1, $2) }
        #expect(await HandbookBuilder.build(options).succeeded)
        // A task for each of the two chapters and the tip list, and for each list of the whole handbook.
        let tasks = 3 + SiteRenderer.SitePages.allCases.count
        let pages = recorder.calls.filter { $0.0 == "rendering pages" }
        #expect(pages.map(\.1) == Array(1...tasks))
        #expect(pages.allSatisfy { $0.2 == tasks })
        #expect(recorder.calls.suffix(3).map(\.0) == ["writing the indexes and the print edition", "writing the EPUB", "writing the offline archive"])
    }
}
