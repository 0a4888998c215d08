import Foundation
import Testing
@testable import HandbookKit

/// `handbook serve` on a disk that fills up during a rebuild (finding 10 of issue 16): the
/// served folder stays exactly as it was, and the message says so truly.
@Suite("A failed rebuild while serving")
struct RebuildFailureTests {
    @Test("a rebuild that runs out of space leaves the served folder exactly as it was")
    func diskFull() async throws {
        let handbook = try TestHandbook(["chapters/02-second.md": "---\ntitle: Second\n---\n\nSecond text.\n"])
        defer { handbook.remove() }
        let port = Int.random(in: 20_000...40_000)
        // A file size limit of 1 MB stands for a full disk: writing past it fails with EFBIG
        // (the signal it would also send is ignored, as a full disk sends none).
        let server = try ChildProcess("/bin/bash", [
            "-c", "trap '' XFSZ; ulimit -f 1024; exec \"$0\" \"$@\"", CommandLineTests.executable, "serve", "--port", "\(port)",
            "--content", handbook.content, "--templates", Repository.templates, "--output", handbook.output,
        ])
        defer { server.kill() }
        // Built, and serving: by then it watches the content, so the edits below are seen.
        let ready = await waitUntil {
            FileManager.default.fileExists(atPath: handbook.output + "/index.html")
                && server.errorSoFar.contains("Built ") && server.errorSoFar.contains("Serving ")
        }
        #expect(ready, "serve did not build: \(server.errorSoFar)")
        let before = try folderContents(handbook.output)

        // A media file too large to copy, then, once that rebuild has failed, a change whose
        // pages are written before the media: written together, the watcher may see them
        // apart, and a rebuild of the chapter alone would rightly change the site.
        // Written beside the content and moved in, so the watcher never sees it half written
        // (a part under the limit would rightly be copied).
        let staged = handbook.folder + "/large.pdf"
        try Data(repeating: 0x41, count: 2_000_000).write(to: URL(fileURLWithPath: staged))
        try FileManager.default.createDirectory(atPath: handbook.content + "/media", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: staged, toPath: handbook.content + "/media/large.pdf")
        let failedOnce = await waitUntil { failures(in: server.errorSoFar) >= 1 }
        #expect(failedOnce, "the rebuild did not fail: \(server.errorSoFar)")
        #expect(try folderContents(handbook.output) == before, "the served folder changed")
        try handbook.write("---\ntitle: First\n---\n\nIntro, edited.\n\n## FIRST-1 Do the first thing\n\nBecause.\n", to: "chapters/01-first.md")
        let failedTwice = await waitUntil { failures(in: server.errorSoFar) >= 2 }
        #expect(failedTwice, "the rebuild with the new chapter did not fail: \(server.errorSoFar)")
        #expect(server.errorSoFar.contains("the previous site is unchanged"))
        #expect(try folderContents(handbook.output) == before, "the served folder changed")
        #expect(try leftovers(beside: handbook.output) == [])
    }

    private func failures(in output: String) -> Int {
        output.components(separatedBy: "could not write the site").count - 1
    }
}
