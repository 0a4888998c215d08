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

        // One change whose pages are written first, and a media file too large to copy.
        try handbook.write("---\ntitle: First\n---\n\nIntro, edited.\n\n## FIRST-1 Do the first thing\n\nBecause.\n", to: "chapters/01-first.md")
        try handbook.write(Data(repeating: 0x41, count: 2_000_000), to: "media/large.pdf")
        let failed = await waitUntil { server.errorSoFar.contains("could not write the site") }
        #expect(failed, "the rebuild did not fail: \(server.errorSoFar)")
        #expect(server.errorSoFar.contains("the previous site is unchanged"))
        #expect(try folderContents(handbook.output) == before, "the served folder changed")
        #expect(try leftovers(beside: handbook.output) == [])
    }
}
