import Foundation
import Synchronization

/// A tip list, rendered: prose blocks and runs of tips, in document order.
struct TipListContent: Sendable {
    enum Part: Sendable {
        case prose(String)
        case tips([Tip])
    }

    struct Tip: Sendable {
        var anchor: String
        /// Without its closing citation, when that is shown below it (`shownRules`).
        var html: String
        /// The rules its closing citation named, shown below it with their titles.
        var shownRules: [String]
    }

    var parts: [Part]

    var tips: [Tip] {
        parts.flatMap { part -> [Tip] in
            if case .tips(let tips) = part { return tips }
            return []
        }
    }
}
