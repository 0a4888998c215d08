import Foundation

/// Notices changes in the content and template folders. What changed is decided by comparing
/// snapshots of their files' sizes and modification times; when to look is told by the kernel
/// where it can (inotify on Linux), else every `interval` (see `ChangeNotices`).
struct SourceWatcher: Sendable {
    let folders: [String]
    /// How long the folders must be quiet after a change before it is reported: an editor's
    /// save, or a save of several files, is one change, not several.
    var settle: Duration = .milliseconds(15)
    /// How often to look when the kernel cannot tell.
    var interval: Duration = .milliseconds(150)
    /// False to poll even where inotify is available.
    var events = true

    typealias Snapshot = [String: FileStamp]

    struct FileStamp: Sendable, Equatable {
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    /// Starts watching; the changes after this call are reported, the first one compared with
    /// the files as they are now.
    func start() -> SourceChanges {
        let (notices, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let watch = ChangeNotices(folders: folders, events: events, settle: settle, interval: interval) { continuation.yield() }
        continuation.onTermination = { _ in watch.stop() }
        return SourceChanges(watcher: self, baseline: snapshot(), notices: notices, ending: continuation, watch: watch)
    }

    /// Every visible file below the folders with its size and modification time; hidden files
    /// and folders (an editor's swap files, `.git`) are never read by a build. stat(2) directly:
    /// FileManager's attribute dictionaries cost ten times as much, which matters when a
    /// handbook of a thousand files is looked at several times a second.
    func snapshot() -> Snapshot {
        var stamps: Snapshot = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if (relative as NSString).lastPathComponent.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
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
