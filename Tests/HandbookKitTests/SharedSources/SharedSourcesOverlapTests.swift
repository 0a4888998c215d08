import Foundation
import Testing

/// The default handbook's sentences are its own: `../shared/tools/overlap.py` finds no run of
/// eight words it shares with the source articles (run by `make shared-test`, not `make test`).
@Suite("The default handbook against its sources (../shared)")
struct SharedSourcesOverlapTests {
    @Test("the content shares no run of 8 words with the source articles (overlap.py)")
    func noOverlap() async throws {
        let tool = Repository.shared + "/tools/overlap.py"
        try #require(FileManager.default.fileExists(atPath: tool), "../shared/tools/overlap.py is missing")
        let result = await (try ChildProcess("/usr/bin/env", ["python3", tool, Repository.content])).finished()
        let output = result.stdout
        #expect(result.status == 0, "\(output)")
        #expect(output.contains("0 shared run"), "\(output)")
    }
}
