import Synchronization
@testable import HandbookServe

/// What a `SourceWatcher` reports, gathered in the background as it comes, for a test to wait
/// for (`waitUntil`) rather than sleep.
final class ReportedChanges: Sendable {
    let changes: SourceChanges
    private let sets = Mutex<[[String]]>([])

    /// Starts `watcher`; the changes after this are reported.
    init(_ watcher: SourceWatcher) {
        changes = watcher.start()
        Task { [changes, self] in
            for await set in changes { append(set) }
        }
    }

    private func append(_ set: [String]) { sets.withLock { $0.append(set) } }

    /// How many of the change sets so far hold `path`.
    func count(_ path: String) -> Int { sets.withLock { $0.filter { $0.contains(path) }.count } }

    var all: [[String]] { sets.withLock { $0 } }

    func stop() { changes.stop() }
}
