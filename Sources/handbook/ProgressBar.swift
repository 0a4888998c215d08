import Foundation

/// A progress bar on standard error, for builds that take a while on a terminal: it appears
/// only after half a second and is wiped when the build ends.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private var shown = false

    static var wanted: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func update(_ step: String, _ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(started) > 0.5, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(step) (\(done)/\(total))".utf8))
        shown = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
