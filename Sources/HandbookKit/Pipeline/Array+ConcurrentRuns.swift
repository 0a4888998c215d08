import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `transform` of each run of up to `length` consecutive elements, on every core, the
    /// results joined in the elements' order. Runs, not single elements, so that each task is
    /// worth its scheduling and can set up what it reuses (an encoder). The first error a run
    /// throws is thrown once every run has ended.
    func mappingRuns<Result: Sendable, Failure: Error>(
        of length: Int, _ transform: @Sendable (ArraySlice<Element>) throws(Failure) -> [Result]
    ) throws(Failure) -> [Result] {
        let runs = (count + length - 1) / length
        let results = Mutex([Int: Swift.Result<[Result], Failure>]())
        DispatchQueue.concurrentPerform(iterations: runs) { number in
            let outcome: Swift.Result<[Result], Failure>
            do throws(Failure) {
                outcome = .success(try transform(self[(number * length)..<Swift.min(count, (number + 1) * length)]))
            } catch {
                outcome = .failure(error)
            }
            results.withLock { $0[number] = outcome }
        }
        var joined: [Result] = []
        joined.reserveCapacity(count)
        for number in 0..<runs {
            joined += try results.withLock { $0[number]! }.get()
        }
        return joined
    }
}
