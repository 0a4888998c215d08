/// What the handbook knows of its editions: for each rule, the hash of its wording and the
/// editions it dates from, and, when the build compares with a previous edition, what changed.
struct EditionHistory: Sendable, Hashable {
    /// For each rule of this edition.
    struct RuleRecord: Sendable, Hashable {
        var textHash: String
        /// The edition whose wording and title the rule has.
        var edition: String?
        /// The edition in which the rule first appeared.
        var since: String?
    }

    enum ChangeKind: String, Sendable, Hashable, CaseIterable {
        case added
        case retitled
        case reworded
        case moved
        case withdrawn
    }

    struct ChapterReference: Sendable, Hashable {
        var slug: String
        var title: String
    }

    /// How one rule changed since the previous edition.
    struct RuleChange: Sendable, Hashable {
        var id: String
        var kinds: [ChangeKind]
        /// This edition's title, or for a withdrawn rule its last one.
        var title: String
        var previousTitle: String?
        /// The chapter the rule is in, or for a withdrawn rule the one it was in.
        var chapter: ChapterReference
        /// Set when the rule moved.
        var previousChapter: ChapterReference?
        /// Set when the rule was reworded: the wordings compared.
        var previousWording: String?
        var wording: String?
        var note: String?

        func has(_ kind: ChangeKind) -> Bool { kinds.contains(kind) }
    }

    /// A rule of an earlier edition that this one no longer has. Its page stays, saying so.
    struct WithdrawnRule: Sendable, Hashable {
        var id: String
        var title: String
        var chapter: ChapterReference
        var wording: String
        var withdrawnIn: String
        var since: String?
        var note: String?
    }

    /// How a tip list changed: added, removed, or its tips added, removed or reworded.
    struct TipListChange: Sendable, Hashable {
        enum Kind: String, Sendable, Hashable {
            case added
            case removed
            case changed
        }

        struct Rewording: Sendable, Hashable {
            var before: String
            var after: String
        }

        var slug: String
        var title: String
        var kind: Kind
        var tipsAdded: [String] = []
        var tipsRemoved: [String] = []
        var tipsReworded: [Rewording] = []
    }

    var edition: String?
    /// Set when the build compares with a previous edition.
    var previousEdition: String?
    var rules: [String: RuleRecord] = [:]
    /// This edition's rules that changed, in the handbook's order, then the rules withdrawn in it.
    var changes: [RuleChange] = []
    /// Every rule withdrawn in this edition or an earlier one, by identifier.
    var withdrawn: [WithdrawnRule] = []
    var tipLists: [TipListChange] = []
    /// Positions in `changes`, by rule identifier.
    var changeIndex: [String: Int] = [:]
    /// Positions in `withdrawn`, by rule identifier (the first, should one be there twice).
    var withdrawnIndex: [String: Int] = [:]

    var isComparing: Bool { previousEdition != nil }

    func change(of identifier: String) -> RuleChange? {
        changeIndex[identifier].map { changes[$0] }
    }

    func withdrawnRule(_ identifier: String) -> WithdrawnRule? {
        withdrawnIndex[identifier].map { withdrawn[$0] }
    }

    /// "New in edition 2", "Changed in edition 2", "Moved in edition 2", "Withdrawn in edition 2".
    static func markLabel(_ change: RuleChange, edition: String) -> String {
        let word: String
        if change.has(.added) {
            word = "New"
        } else if change.has(.withdrawn) {
            word = "Withdrawn"
        } else if change.has(.reworded) || change.has(.retitled) {
            word = "Changed"
        } else {
            word = "Moved"
        }
        return "\(word) in edition \(edition)"
    }
}
