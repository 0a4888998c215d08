import Foundation
import HandbookKit

/// One input through the whole pipeline, and every page and index checked: a problem is
/// returned as a sentence (the fuzz target then stops with it, so libFuzzer keeps the input).
enum PipelineCheck {
    static let scratch: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = base + "/handbook-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// The problem, if any, and how many pages were rendered. The input is a chapter, maybe
    /// followed by a handbook.yml and a previous edition's record (`ChapterPipeline.Input`).
    static func check(_ input: Data) async -> (problem: String?, pages: Int) {
        let output = await ChapterPipeline.run(ChapterPipeline.Input(input), scratch: scratch)
        return (problem(in: output), output.pages.count)
    }

    private static func problem(in output: ChapterPipeline.Output) -> String? {
        if let failure = output.failure { return failure }
        if !output.strayFiles.isEmpty { return "files were written outside the site: \(output.strayFiles)" }
        for (path, script) in output.scripts.sorted(by: { $0.key < $1.key }) {
            if let problem = ScriptCheck.problem(in: script, path: path) { return "\(path): \(problem)" }
        }
        for (path, html) in output.pages.sorted(by: { $0.key < $1.key }) {
            if let problem = SafeMarkup.problem(in: html) { return "\(path): \(problem)" }
        }
        for (path, data) in output.indexes {
            guard (try? JSONSerialization.jsonObject(with: data)) != nil else { return "\(path) is not JSON" }
        }
        if output.diagnostics.count == 2, (try? JSONSerialization.jsonObject(with: Data(output.diagnostics[1].utf8))) == nil {
            return "the diagnostics' JSON is not JSON"
        }
        return nil
    }

    /// For libFuzzer's callback, which is not async.
    static func problemWaiting(in chapter: Data) -> String? {
        final class Box: @unchecked Sendable { var problem: String? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.problem = await check(chapter).problem
            done.signal()
        }
        done.wait()
        return box.problem
    }
}
