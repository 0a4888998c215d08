/// The changes to the watched folders, as they happen: each element is the files added,
/// removed or changed since the one before (or since watching started), never empty. Taken
/// when asked for, so the changes made while the last one was being rebuilt come as one.
struct SourceChanges: AsyncSequence, Sendable {
    typealias Element = [String]

    let watcher: SourceWatcher
    let baseline: SourceWatcher.Snapshot
    /// One element, however many notices came, while nobody was asking.
    let notices: AsyncStream<Void>
    let ending: AsyncStream<Void>.Continuation
    let watch: ChangeNotices

    /// Whether the kernel tells of changes now, or the folders are polled.
    var source: ChangeNotices.Source { watch.source }

    /// Stops watching: the sequence ends.
    func stop() { ending.finish() }

    func makeAsyncIterator() -> Iterator {
        Iterator(watcher: watcher, last: baseline, notices: notices.makeAsyncIterator())
    }

    struct Iterator: AsyncIteratorProtocol {
        let watcher: SourceWatcher
        var last: SourceWatcher.Snapshot
        var notices: AsyncStream<Void>.Iterator

        mutating func next() async -> [String]? {
            while await notices.next() != nil {
                let now = watcher.snapshot()
                let changed = SourceWatcher.changes(from: last, to: now)
                guard !changed.isEmpty else { continue }
                last = now
                return changed
            }
            return nil
        }
    }
}
