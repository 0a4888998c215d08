import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Calls `notice` from a thread of its own whenever something in the watched folders may have
/// changed: on Linux as soon as the kernel reports a change (inotify) and the changes have
/// paused for `settle`, so that a save that writes several files, or an editor's write to a
/// temporary file and rename, is one notice. When the last change completed a save (a file
/// closed after writing, or renamed into place) the pause need only be a third of `settle`:
/// the files of one save follow each other closely. Elsewhere, or when inotify cannot watch every
/// folder, every `interval`. What changed is for the caller to find out (`SourceChanges`).
/// A thread rather than a task: it waits in poll(2), which would hold one of the few threads
/// that run every task.
final class ChangeNotices: Sendable {
    enum Source: Sendable, Equatable {
        case events
        case polling
    }

    private struct State {
        var source: Source
        var stopped = false
        /// Set when the thread has closed the pipe, so that `stop` never writes to a descriptor
        /// that may since have been reused.
        var closed = false
    }

    private let state: Mutex<State>
    /// Written to by `stop` to end the thread's wait.
    private let wake: (read: Int32, write: Int32)

    init(folders: [String], events: Bool, settle: Duration, interval: Duration, notice: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) != 0 { ends = [-1, -1] }
        wake = (ends[0], ends[1])
        #if os(Linux)
            // Watched here, before the caller first looks at the files, so that no change after
            // that look goes unnoticed.
            let watches = events ? FolderWatches(folders: folders) : nil
        #else
            let watches: Never? = nil
        #endif
        state = Mutex(State(source: watches == nil ? .polling : .events))
        // The thread keeps this object until `stop` ends it.
        let thread = Thread { [self] in
            #if os(Linux)
                let polls = watches.map { watch($0, settle: settle, notice: notice) } ?? true
            #else
                let polls = true
            #endif
            if polls { tick(every: interval, notice: notice) }
            state.withLock { state in
                state.closed = true
                if wake.read >= 0 {
                    close(wake.read)
                    close(wake.write)
                }
            }
        }
        thread.name = "handbook serve: watcher"
        thread.start()
    }

    /// How changes are noticed now: by polling from the start, or since inotify lost track.
    var source: Source { state.withLock { $0.source } }

    /// Ends the thread; no notice comes once it has ended.
    func stop() {
        state.withLock { state in
            state.stopped = true
            guard !state.closed, wake.write >= 0 else { return }
            var byte: UInt8 = 1
            _ = write(wake.write, &byte, 1)
        }
    }

    #if os(Linux)
        /// Notices what the kernel reports until `stop` (false) or until inotify loses track
        /// (true: polling takes over).
        private func watch(_ watches: FolderWatches, settle: Duration, notice: @Sendable () -> Void) -> Bool {
            var watches = watches
            defer { watches.close() }
            // A folder written to without a pause (a large file copied in) is still rebuilt this often.
            let longest = max(settle * 20, .milliseconds(500))
            while true {
                var outcome: FolderWatches.Outcome
                switch wait(for: watches.descriptor, timeout: nil) {
                case .stop: return false
                case .ready: outcome = watches.read()
                case .timeout: outcome = .lost  // None was asked for: poll(2) failed.
                }
                let deadline = ContinuousClock.now + longest
                settling: while outcome == .changed || outcome == .saved, ContinuousClock.now < deadline {
                    switch wait(for: watches.descriptor, timeout: outcome == .saved ? settle / 3 : settle) {
                    case .stop: return false
                    case .timeout: break settling
                    case .ready:
                        let read = watches.read()
                        if read != .quiet { outcome = read }
                    }
                }
                if outcome == .lost {
                    state.withLock { $0.source = .polling }
                    notice()
                    return true
                }
                if outcome == .changed || outcome == .saved { notice() }
            }
        }
    #endif

    private func tick(every interval: Duration, notice: @Sendable () -> Void) {
        while wait(for: nil, timeout: interval) == .timeout {
            notice()
        }
    }

    private enum Wait { case ready, timeout, stop }

    /// Waits until `descriptor` can be read or `timeout` passes, or `stop` is called.
    private func wait(for descriptor: Int32?, timeout: Duration?) -> Wait {
        var descriptors = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        if let descriptor { descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = timeout.map { Int32(clamping: Int64(($0 / .milliseconds(1)).rounded(.up))) } ?? -1
        var ready: Int32
        repeat {
            ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        } while ready < 0 && errno == EINTR
        if descriptors[0].revents != 0 || state.withLock({ $0.stopped }) { return .stop }
        return ready > 0 ? .ready : .timeout
    }
}
