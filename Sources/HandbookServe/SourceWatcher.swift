import Foundation
import HandbookKit

/// Notices changes in the content and template folders. What changed is decided by comparing
/// snapshots of their files' stamps (which file, its size, when it changed); when to look is
/// told by the kernel where it can (inotify on Linux), else every `interval` (`ChangeNotices`).
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

    /// Starts watching; the changes after this call are reported, the first one compared with
    /// the files as they are now.
    func start() -> SourceChanges {
        let (notices, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let watch = ChangeNotices(folders: folders, events: events, settle: settle, interval: interval) { continuation.yield() }
        continuation.onTermination = { _ in watch.stop() }
        return SourceChanges(watcher: self, baseline: snapshot(), notices: notices, ending: continuation, watch: watch)
    }

    /// Every visible file below the folders with its stamp; hidden files and folders (an
    /// editor's swap files, `.git`) are never read by a build. Links to files are stamped as
    /// their files; links to folders are not followed.
    func snapshot() -> Snapshot {
        var stamps: Snapshot = [:]
        for folder in folders {
            Self.stamp(folder, into: &stamps)
        }
        return stamps
    }

    /// readdir(3) and fstatat(2) directly: FileManager's enumerator cost three times as much,
    /// and a handbook of a thousand files is looked at after every save, before its rebuild.
    private static func stamp(_ folder: String, into stamps: inout Snapshot) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, 0) == 0 else { continue }
            if status.st_mode & S_IFMT != S_IFDIR {
                stamps[folder + "/" + name] = FileStamp(status)
            } else if fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFDIR {
                stamp(folder + "/" + name, into: &stamps)
            }
        }
    }

    /// The files added, removed or changed between two snapshots.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
