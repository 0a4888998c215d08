#if os(Linux)
    import Glibc

    /// inotify watches on folders and every visible folder below them, kept up to date as
    /// folders are created, moved and removed. Used by one thread at a time (`ChangeNotices`'):
    /// a value, handed over whole to the thread that reads it.
    struct FolderWatches: Sendable {
        /// What a read of the waiting events found.
        enum Outcome: Equatable {
            /// Nothing the build reads: no events, or only those of hidden files.
            case quiet
            /// A file is being written, or something was created, removed or renamed.
            case changed
            /// The last change was a file closed after writing or renamed into place: an
            /// editor's save is complete, so the folders need settle only briefly.
            case saved
            /// Events were or will be missed: a watched folder given at the start is gone, or no
            /// more watches may be added. Only polling can tell what changes from now on.
            case lost
        }

        let descriptor: Int32
        /// Each watch's folder, by its watch descriptor.
        private var folders: [Int32: String] = [:]
        private let roots: [String]

        private static let events = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF
                | IN_MOVE_SELF | IN_ONLYDIR)

        /// Nil when inotify is not available, or a folder cannot be watched: missing (it may be
        /// created later, which only polling sees), or past the limit on watches.
        init?(folders roots: [String]) {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.roots = roots
            for root in roots {
                guard Self.isFolder(root), watchTree(root, following: true) else {
                    Glibc.close(descriptor)
                    return nil
                }
            }
        }

        func close() {
            _ = Glibc.close(descriptor)
        }

        /// Reads every event waiting, and watches the folders they created or moved in.
        mutating func read() -> Outcome {
            var outcome = Outcome.quiet
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return outcome }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (event, name) = buffer.withUnsafeBytes { bytes in
                        let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        let start = offset + MemoryLayout<inotify_event>.size
                        let raw = bytes[start..<min(start + Int(event.len), count)].prefix { $0 != 0 }
                        return (event, String(decoding: raw, as: UTF8.self))
                    }
                    offset += MemoryLayout<inotify_event>.size + Int(event.len)
                    switch handle(event, name: name) {
                    case .lost: return .lost
                    case .changed: outcome = .changed
                    case .saved: outcome = .saved
                    case .quiet: break
                    }
                }
            }
        }

        private mutating func handle(_ event: inotify_event, name: String) -> Outcome {
            let mask = event.mask
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were dropped, folders created meanwhile among them: watch any not watched.
                return roots.allSatisfy { watchTree($0, following: true) } ? .changed : .lost
            }
            guard let folder = folders[event.wd] else { return .quiet }
            let isRoot = roots.contains(folder)
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[event.wd] = nil
                return isRoot ? .lost : .quiet
            }
            if isRoot, mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return .lost }
            // A hidden file (an editor's swap or lock file) is not read by the build.
            guard !name.isEmpty, !name.hasPrefix(".") else { return .quiet }
            let path = folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_MOVED_FROM) != 0 {
                    // It may have left the watched folders; if it moved within them, its new
                    // name is watched afresh below.
                    unwatchTree(path)
                }
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !watchTree(path, following: false) {
                    return .lost
                }
                return .changed
            }
            return mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 ? .saved : .changed
        }

        /// Watches `folder` and the visible folders below it; false when the limit on watches is
        /// reached. Watching a folder again is harmless: inotify returns its watch. The watch
        /// is added before the folder is listed, so a folder created in it meanwhile is either
        /// listed or reported by an event.
        private mutating func watchTree(_ folder: String, following: Bool) -> Bool {
            let mask = Self.events | (following ? 0 : UInt32(IN_DONT_FOLLOW))
            let watch = inotify_add_watch(descriptor, folder, mask)
            guard watch >= 0 else {
                // Any other failure (removed already, not readable) leaves a folder that
                // polling would not see into either.
                return errno != ENOSPC && errno != ENOMEM
            }
            folders[watch] = folder
            return Self.subfolders(of: folder).allSatisfy { watchTree(folder + "/" + $0, following: false) }
        }

        private mutating func unwatchTree(_ folder: String) {
            for (watch, path) in folders where path == folder || path.hasPrefix(folder + "/") {
                inotify_rm_watch(descriptor, watch)
                folders[watch] = nil
            }
        }

        /// The visible folders in `folder`, not following links (as `SourceWatcher.snapshot`).
        private static func subfolders(of folder: String) -> [String] {
            guard let directory = opendir(folder) else { return [] }
            defer { closedir(directory) }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard !name.hasPrefix(".") else { continue }
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): names.append(name)
                case Int32(DT_UNKNOWN):
                    var status = stat()
                    if lstat(folder + "/" + name, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { names.append(name) }
                default: break
                }
            }
            return names
        }

        private static func isFolder(_ path: String) -> Bool {
            var status = stat()
            return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }
    }
#endif
