import Foundation
import Testing
@testable import HandbookKit

@Suite("Determinism")
struct DeterminismTests {
    /// Copies `source` into `destination` file by file, in the given order of paths.
    private func copy(_ source: String, to destination: String, reversed: Bool) throws {
        var paths = try FileManager.default.subpathsOfDirectory(atPath: source).sorted()
        if reversed { paths.reverse() }
        for path in paths {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source + "/" + path, isDirectory: &isFolder)
            guard !isFolder.boolValue else { continue }
            let target = destination + "/" + path
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(contentsOf: URL(fileURLWithPath: source + "/" + path)).write(to: URL(fileURLWithPath: target))
        }
    }

    @Test("two builds in different folders, with files created in opposite orders and in different time zones, are byte-identical")
    func identicalBuilds() async throws {
        let root = NSTemporaryDirectory() + "handbook-determinism-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = root + "/one/Content", second = root + "/elsewhere/deeper/Content"
        try copy(Repository.fixtures + "/awkward", to: first, reversed: false)
        try copy(Repository.fixtures + "/awkward", to: second, reversed: true)
        var outputs: [[String: Data]] = []
        for (content, zone) in [(first, "UTC"), (second, "Asia/Kolkata")] {
            let output = (content as NSString).deletingLastPathComponent + "/Site"
            let run = try await ChildProcess.run(
                handbook: ["build", "--quiet", "--content", content, "--templates", Repository.templates, "--output", output],
                environment: ["TZ": zone])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(try folderContents(output))
        }
        #expect(outputs[0].count > 20)
        let different = Set(outputs[0].keys).union(outputs[1].keys).filter { outputs[0][$0] != outputs[1][$0] }
        #expect(different.isEmpty, "differ: \(different.sorted())")
    }
}
