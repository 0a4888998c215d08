import Foundation

/// Notices changes in the content and template folders by comparing snapshots of their files'
/// sizes and modification times (polling works the same on every file system and in containers).
struct SourceWatcher: Sendable {
    let folders: [String]

    typealias Snapshot = [String: FileStamp]

    struct FileStamp: Sendable, Equatable {
        var size: Int
        var modified: Date
    }

    func snapshot() -> Snapshot {
        var stamps: Snapshot = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                    attributes[.type] as? FileAttributeType != .typeDirectory
                else { continue }
                stamps[path] = FileStamp(
                    size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
                    modified: attributes[.modificationDate] as? Date ?? .distantPast)
            }
        }
        return stamps
    }

    /// The files added, removed or changed between two snapshots.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
