import Foundation
import Synchronization

/// What was written into an output folder, kept between the builds of one `handbook serve`:
/// a digest of each file's bytes, so a rebuild writes only the files that change, and the files
/// each build produced, so the files a rebuild no longer produces (a deleted chapter's pages) are
/// removed. The site is written in scopes: the pages, rebuilt after every change, and each
/// edition (`SiteEdition`), brought up to date when it is asked for. The files of the render
/// units (`SiteRenderer`) are also counted by unit: a rebuild tells the log of the units it
/// rendered again, and the files of the others, most of the site, are not listed file by file.
final class WriteLog: Sendable {
    enum Scope: Sendable, Hashable {
        case pages
        case edition(SiteEdition)

        static var allCases: [Scope] { [.pages] + SiteEdition.allCases.map(Scope.edition) }
    }

    private struct State {
        var digests: [String: Int] = [:]
        var produced: [Scope: Set<String>] = [:]
        var previouslyProduced: [Scope: Set<String>] = [:]
        /// Every file the render units produce, and those their last rebuild no longer did.
        var unitFiles: Set<String> = []
        var unitFilesGone: Set<String> = []
        var written = 0
    }

    private let state = Mutex(State())

    /// Forgets everything: the folder is about to be written whole.
    func reset() {
        state.withLock { $0 = State() }
    }

    /// Starts a build of `scope`: what the last one produced is kept aside to compare with.
    func begin(_ scope: Scope) {
        state.withLock { state in
            state.previouslyProduced[scope] = state.produced[scope] ?? []
            state.produced[scope] = []
            state.written = 0
        }
    }

    /// Records that this build produces `path` with `data`; true when the bytes differ from what
    /// the folder holds, so the file must be written.
    func produce(_ path: String, _ data: Data, scope: Scope) -> Bool {
        let digest = Self.digest(data)
        return state.withLock { state in
            state.produced[scope, default: []].insert(path)
            guard state.digests[path] != digest else { return false }
            state.digests[path] = digest
            state.written += 1
            return true
        }
    }

    /// Records that this build produces `paths` unchanged, without writing them again.
    func keep(_ paths: [String], scope: Scope) {
        state.withLock { state in state.produced[scope, default: []].formUnion(paths) }
    }

    /// The render units' files after a build: `retired`, the files of the units it rendered
    /// again or no longer has, as they were, and `rendered`, the files those it rendered wrote.
    /// The retired files no unit wrote again are no longer produced.
    func settleUnits(retired: [String], rendered: [String]) {
        state.withLock { state in
            let written = Set(rendered)
            for path in retired where !written.contains(path) && state.unitFiles.remove(path) != nil {
                state.unitFilesGone.insert(path)
            }
            state.unitFiles.formUnion(written)
            state.unitFilesGone.subtract(written)
        }
    }

    /// Forgets a file whose write failed, so that the next build writes it whatever its bytes.
    func forget(_ path: String) {
        _ = state.withLock { state in state.digests.removeValue(forKey: path) }
    }

    /// The files the last build of `scope` produced and this one did not (for the pages, with
    /// those of the render units), unless a render unit or another scope produces them; they
    /// are forgotten.
    func filesNoLongerProduced(in scope: Scope) -> [String] {
        state.withLock { state in
            let current = state.produced[scope] ?? []
            let otherScopes = Scope.allCases.filter { $0 != scope }.map { state.produced[$0] ?? [] }
            var gone = (state.previouslyProduced[scope] ?? []).subtracting(current)
                .filter { path in !state.unitFiles.contains(path) && !otherScopes.contains { $0.contains(path) } }
            if scope == .pages {
                gone.formUnion(state.unitFilesGone.filter { path in !current.contains(path) && !otherScopes.contains { $0.contains(path) } })
                state.unitFilesGone = []
            }
            for path in gone { state.digests.removeValue(forKey: path) }
            return gone.sorted()
        }
    }

    /// A digest of all of the bytes (Data's own hash value looks at the first 80 only).
    static func digest(_ data: Data) -> Int {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// How many files this build wrote because their bytes changed.
    var filesWritten: Int { state.withLock { $0.written } }
}
