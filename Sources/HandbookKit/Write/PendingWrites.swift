import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The files a rebuild of `handbook serve` writes in place, held back until every one is
/// written: each goes first into a folder beside the output, and only when the whole rebuild
/// has succeeded are they renamed into place, one after another. A rebuild that fails while
/// writing (a full disk) leaves the served folder exactly as it was.
final class PendingWrites: Sendable {
    /// Some files were moved into place and others not: the folder is out of date until the next
    /// good build.
    struct PartlyCommitted: Error, LocalizedError {
        var moved: Int
        var total: Int
        var underlying: String
        var errorDescription: String? { "\(underlying) (after \(moved) of \(total) changed files were in place)" }
    }

    let folder: String
    private let files = Mutex<[(temporary: String, destination: String)]>([])

    /// A pending folder beside `output`, named like a build's staging folder so that the leftover
    /// of a killed rebuild is removed by the next build.
    init(beside output: OutputFolder) throws {
        folder = "\(output.parent)/.\(output.name).handbook-tmp-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    }

    /// Where to write the bytes meant for `destination`.
    func temporaryPath(for destination: String) -> String {
        files.withLock { files in
            let path = folder + "/\(files.count)"
            files.append((path, destination))
            return path
        }
    }

    /// Moves every file into place; rename(2) replaces a file in one step, so a reader never
    /// sees half of one.
    func commit() throws {
        let all = files.withLock { $0 }
        for (index, file) in all.enumerated() where rename(file.temporary, file.destination) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw PartlyCommitted(moved: index, total: all.count, underlying: "\(file.destination): \(reason)")
        }
        discard()
    }

    func discard() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
