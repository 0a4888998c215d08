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
        #expect(report.diagnostics.map(\.code) == ["output.notOurs"])
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
        #expect(await handbook.build().diagnostics.map(\.code) == ["output.notFolder"])
        #expect(try String(contentsOfFile: handbook.output, encoding: .utf8) == "x")
    }

    /// Staging or old folders left beside the output.
    private func leftovers(beside output: String) throws -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".handbook-") }
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
        let pages = recorder.calls.filter { $0.0 == "rendering pages" }
        #expect(pages.map(\.1) == Array(1...4))
        #expect(pages.allSatisfy { $0.2 == 4 })
        #expect(recorder.calls.suffix(3).map(\.0) == ["writing the indexes and the print edition", "writing the EPUB", "writing the offline archive"])
    }
}
