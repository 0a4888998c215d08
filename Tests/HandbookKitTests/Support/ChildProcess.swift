import Foundation

/// A child process whose end is awaited without blocking a thread: Swift concurrency has one
/// thread per core, and a test blocked in `waitUntilExit` for a long build would stall every
/// other test of the run. Its output goes to files, which never fill up as a pipe does.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let outputPath: String
    private let errorPath: String

    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let base = NSTemporaryDirectory() + "handbook-child-" + UUID().uuidString
        outputPath = base + ".out"
        errorPath = base + ".err"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        try process.run()
    }

    /// A child still running when the test lets go of it (one killed without being waited for,
    /// or left by a test that failed) is killed and waited for, so that it writes nothing into a
    /// folder being removed; its output files go with it.
    deinit {
        if process.isRunning {
            kill()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: outputPath)
        try? FileManager.default.removeItem(atPath: errorPath)
    }

    /// `handbook` with `arguments`.
    convenience init(handbook arguments: [String], environment: [String: String] = [:]) throws {
        try self.init(CommandLineTests.executable, arguments, environment: environment)
    }

    var isRunning: Bool { process.isRunning }

    /// What the process has written to standard error so far.
    var errorSoFar: String {
        String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self)
    }

    func kill(_ signal: Int32 = SIGKILL) {
        Glibc.kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end, killing it after `timeout` seconds (its status is then that
    /// of SIGKILL); its status and output.
    func finished(timeout: Double = 600) async -> CommandLineTests.Run {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { kill() }
            try? await Task.sleep(for: .milliseconds(5))
        }
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return CommandLineTests.Run(status: process.terminationStatus, stdout: read(outputPath), stderr: read(errorPath))
    }

    /// Runs `handbook` with `arguments` to its end.
    static func run(handbook arguments: [String], environment: [String: String] = [:]) async throws -> CommandLineTests.Run {
        await (try ChildProcess(handbook: arguments, environment: environment)).finished()
    }
}
