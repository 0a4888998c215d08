import Foundation

/// Notices changes in the content and template folders by comparing snapshots of their files'
/// sizes and modification times (polling works the same on every file system and in containers).
struct SourceWatcher: Sendable {
    let folders: [String]

    typealias Snapshot = [String: FileStamp]

    struct FileStamp: Sendable, Equatable {
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    /// Every file below the folders with its size and modification time. stat(2) directly:
    /// FileManager's attribute dictionaries cost ten times as much, which matters when a
    /// handbook of a thousand files is looked at several times a second.
    func snapshot() -> Snapshot {
        var stamps: Snapshot = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                var status = stat()
                guard stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { continue }
                stamps[path] = FileStamp(
                    size: Int(status.st_size), modifiedSeconds: Int(status.st_mtim.tv_sec),
                    modifiedNanoseconds: Int(status.st_mtim.tv_nsec))
            }
        }
        return stamps
    }

    /// The files added, removed or changed between two snapshots.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
