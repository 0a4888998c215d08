import NIOConcurrencyHelpers
import NIOCore

/// The connections the preview server has open, so that stopping it closes them all at once.
/// Hummingbird waits for each to end, and one that has not sent its first request (browsers open
/// such connections ahead of need) would keep Ctrl-C waiting for its head timeout.
final class OpenConnections: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var closed = false
    }

    private let state = NIOLockedValueBox(State())

    /// Closes `channel` at once if the server is stopping.
    func add(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        let added = state.withLockedValue { state in
            guard !state.closed else { return false }
            state.channels[id] = channel
            return true
        }
        guard added else {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { [state] _ in
            state.withLockedValue { _ = $0.channels.removeValue(forKey: id) }
        }
    }

    func closeAll() {
        let channels = state.withLockedValue { state in
            state.closed = true
            defer { state.channels = [:] }
            return Array(state.channels.values)
        }
        for channel in channels { channel.close(promise: nil) }
    }
}
