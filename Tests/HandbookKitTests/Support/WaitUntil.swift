import Foundation

/// Polls `condition` until it holds or `seconds` pass, and says whether it held: how a test waits
/// for something that another task or process does, rather than sleeping for a guess of how long
/// that takes. The deadline is generous because a busy machine is slow; no test asserts on how
/// soon the condition held.
@discardableResult
func waitUntil(
    timeout seconds: Double = 30, every interval: Duration = .milliseconds(20), _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while true {
        if try await condition() { return true }
        if ContinuousClock.now >= deadline || Task.isCancelled { return false }
        try? await Task.sleep(for: interval)
    }
}
