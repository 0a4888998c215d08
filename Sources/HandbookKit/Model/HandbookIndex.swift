import Foundation

/// `handbook.json`: the machine-readable index of the handbook. Its shape is described by
/// `handbook.schema.json`; every URL in it is relative to the site root.
struct HandbookIndex: Codable, Sendable, Equatable {
    static let schemaVersion = 1

    struct Chapter: Codable, Sendable, Equatable {
        var slug: String
        var title: String
        var summary: String?
        var updated: String?
        var url: String
        var rules: [String]
        /// The id of the chapter's part, when it is in one.
        var part: String?
        /// Old anchors of the page, each with the anchor it stands for; nil when there are none.
        var anchors: [String: String]?
    }

    /// A part: a group of chapters.
    struct Part: Codable, Sendable, Equatable {
        var id: String
        var title: String
        var summary: String?
        /// The slugs of its chapters, in order.
        var chapters: [String]
    }

    /// An entry point by situation (`situations` in handbook.yml).
    struct Situation: Codable, Sendable, Equatable {
        var text: String
        /// The identifiers of the rules that answer it, in the order written.
        var rules: [String]
    }

    struct Rule: Codable, Sendable, Equatable {
        var id: String
        var title: String
        var chapter: String
        var url: String
        var permalink: String
        var text: String
        /// The rule's text as safe HTML, links relative to the site root (or absolute with `base_url`).
        var html: String
        var references: [String]
        var citedBy: [Citation]
        /// The rule's own text, normalised, and its SHA-256: what the next edition compares.
        var wording: String?
        var textHash: String?
        /// The edition whose wording the rule has, and the one in which it first appeared.
        var edition: String?
        var since: String?
    }

    /// A rule an edition withdrew: its permalink stays, saying so.
    struct Withdrawn: Codable, Sendable, Equatable {
        var id: String
        var title: String
        var chapter: String
        var chapterTitle: String
        var permalink: String
        var wording: String
        var withdrawnIn: String
        var since: String?
        var note: String?
    }

    /// What changed since the previous edition.
    struct Changes: Codable, Sendable, Equatable {
        var edition: String
        var previousEdition: String
        var url: String
        var rules: [RuleChange]
        var tipLists: [TipListChange]
    }

    struct RuleChange: Codable, Sendable, Equatable {
        var id: String
        /// Any of added, retitled, reworded, moved, withdrawn.
        var kinds: [String]
        var title: String
        var previousTitle: String?
        var chapter: String
        var previousChapter: String?
        var previousWording: String?
        var wording: String?
        var note: String?
        var url: String
    }

    struct TipListChange: Codable, Sendable, Equatable {
        struct Rewording: Codable, Sendable, Equatable {
            var before: String
            var after: String
        }

        var slug: String
        var title: String
        /// added, removed or changed.
        var kind: String
        var tipsAdded: [String]
        var tipsRemoved: [String]
        var tipsReworded: [Rewording]
    }

    struct Citation: Codable, Sendable, Equatable {
        var kind: String
        var id: String
        var anchor: String?
        var url: String
    }

    struct TipList: Codable, Sendable, Equatable {
        var slug: String
        var title: String
        var summary: String?
        var url: String
        var tips: [Tip]
    }

    struct Tip: Codable, Sendable, Equatable {
        var anchor: String
        var text: String
        var html: String
        var rules: [String]
    }

    var schemaVersion: Int
    var title: String
    var subtitle: String?
    var organisation: String?
    var edition: String?
    var language: String
    var chapters: [Chapter]
    /// Present when the handbook has parts.
    var parts: [Part]?
    /// Present when handbook.yml lists situations.
    var situations: [Situation]?
    var rules: [Rule]
    var tipLists: [TipList]
    var withdrawn: [Withdrawn]?
    var changes: Changes?
}
