import Synchronization

/// "Did you mean", for the pages resolved on every core at once: each index is made when first
/// asked for and then shared, since making one per page would cost a handbook with thousands of
/// unknown references the square of them. Over the identifiers of each prefix, over all
/// identifiers (for `rule:` links), over the pages and media files, and over each page's
/// anchors (by its content path).
final class SuggestionCache: Sendable {
    private struct Indexes {
        var byPrefix: [Substring: SuggestionIndex] = [:]
        var rules: SuggestionIndex?
        var paths: SuggestionIndex?
        var anchors: [String: SuggestionIndex] = [:]
    }

    private let table: RuleTable
    private let indexes = Mutex(Indexes())

    init(_ table: RuleTable) {
        self.table = table
    }

    /// The closest identifier with the same prefix, when the prefix is a known one.
    func closestIdentifier(to identifier: String, prefix: Substring) -> String? {
        guard let known = table.identifiersByPrefix[prefix] else { return nil }
        return indexes.withLock { indexes in
            if indexes.byPrefix[prefix] == nil { indexes.byPrefix[prefix] = SuggestionIndex(known) }
            return indexes.byPrefix[prefix]?.closest(to: identifier)
        }
    }

    func closestRule(to identifier: String) -> String? {
        indexes.withLock { indexes in
            if indexes.rules == nil { indexes.rules = SuggestionIndex(table.rules.map(\.identifier)) }
            return indexes.rules?.closest(to: identifier)
        }
    }

    func closestPath(to path: String) -> String? {
        indexes.withLock { indexes in
            if indexes.paths == nil {
                indexes.paths = SuggestionIndex(table.pagesByContentPath.keys.map { $0 } + table.mediaPaths.map(\.text))
            }
            return indexes.paths?.closest(to: path)
        }
    }

    /// `candidates` are the anchors of the page at `path`, the same on every call for it.
    func closestAnchor(to anchor: String, in path: String, candidates: Set<String>) -> String? {
        indexes.withLock { indexes in
            if indexes.anchors[path] == nil { indexes.anchors[path] = SuggestionIndex(candidates) }
            return indexes.anchors[path]?.closest(to: anchor)
        }
    }
}
