import Foundation

/// A fresh folder in the temporary directory, removed when the last reference to it goes: a test
/// holds one (itself, or inside a `TestHandbook`) and the folder is gone when the test ends,
/// however it ends, without the test having to remember. Tests run in parallel, so each removes
/// its own folder and nothing else. A test that hands the folder to a child process waits for
/// the child to end (`ChildProcess` does when it goes) before the folder goes.
final class TemporaryFolder: Sendable {
    let path: String

    /// Makes `<temporary directory>/<prefix><UUID>`.
    init(_ prefix: String) throws {
        path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        Self.remove(path)
    }

    /// Removes `path` and everything below it, also when a test left a folder read-only.
    static func remove(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (try? FileManager.default.removeItem(atPath: path)) != nil { return }
        // Without root, a folder without write permission keeps what is in it.
        for relative in [""] + ((try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []) {
            let item = relative.isEmpty ? path : path + "/" + relative
            if lstat(item, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { chmod(item, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
