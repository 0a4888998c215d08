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
    var rules: [Rule]
    var tipLists: [TipList]
    var withdrawn: [Withdrawn]?
    var changes: Changes?

    init(_ handbook: ResolvedHandbook, content: RenderedContent) {
        // The rest of each value is already escaped for the attribute it was rendered in.
        let base = HTML.escape(handbook.config.baseURL ?? "")
        func fragment(_ html: String) -> String { LinkRewriter.rewrite(html) { base + $0 } }
        schemaVersion = Self.schemaVersion
        title = handbook.config.title
        subtitle = handbook.config.subtitle
        organisation = handbook.config.organisation
        edition = handbook.config.edition
        language = handbook.config.language
        chapters = handbook.chapters.map { chapter in
            Chapter(
                slug: chapter.page.slug, title: chapter.page.frontMatter.title,
                summary: chapter.page.frontMatter.summary, updated: chapter.page.frontMatter.updated,
                url: chapter.page.outputPath,
                rules: chapter.page.outline.headings.compactMap { $0.block != nil ? $0.rule?.identifier : nil }
                    .filter { handbook.ruleIndex[$0] != nil })
        }
        let history = handbook.history
        rules = handbook.rules.map { rule in
            let chapter = handbook.chapters[rule.chapter].page
            let record = history.rules[rule.identifier]
            return Rule(
                id: rule.identifier, title: rule.title, chapter: chapter.slug,
                url: "\(chapter.outputPath)#\(rule.identifier)", permalink: SiteLayout.rulePage(rule.identifier),
                text: rule.plainText, html: fragment(content.rules[rule.identifier] ?? ""), references: rule.references,
                citedBy: rule.citedBy.map { Citation(kind: $0.kind.rawValue, id: $0.id, anchor: $0.anchor, url: $0.url) },
                wording: rule.wording, textHash: record?.textHash, edition: record?.edition, since: record?.since)
        }
        withdrawn = history.withdrawn.map { rule in
            Withdrawn(
                id: rule.id, title: rule.title, chapter: rule.chapter.slug, chapterTitle: rule.chapter.title,
                permalink: SiteLayout.rulePage(rule.id), wording: rule.wording, withdrawnIn: rule.withdrawnIn, since: rule.since,
                note: rule.note)
        }
        if let edition = history.edition, let previous = history.previousEdition {
            changes = Changes(
                edition: edition, previousEdition: previous, url: SiteLayout.changes,
                rules: history.changes.map { change in
                    RuleChange(
                        id: change.id, kinds: change.kinds.map(\.rawValue), title: change.title, previousTitle: change.previousTitle,
                        chapter: change.chapter.slug, previousChapter: change.previousChapter?.slug,
                        previousWording: change.previousWording, wording: change.wording, note: change.note,
                        url: "\(SiteLayout.changes)#\(change.id)")
                },
                tipLists: history.tipLists.map { list in
                    TipListChange(
                        slug: list.slug, title: list.title, kind: list.kind.rawValue, tipsAdded: list.tipsAdded,
                        tipsRemoved: list.tipsRemoved, tipsReworded: list.tipsReworded.map { .init(before: $0.before, after: $0.after) })
                })
        }
        tipLists = handbook.tipLists.enumerated().map { number, list in
            let rendered = content.tipLists[number].tips
            return TipList(
                slug: list.page.slug, title: list.page.frontMatter.title, summary: list.page.frontMatter.summary,
                url: list.page.outputPath,
                tips: list.page.outline.listItems.indices.map { index in
                    Tip(anchor: list.anchors.tips[index], text: list.page.outline.listItems[index].plainText,
                        html: index < rendered.count ? fragment(rendered[index].html) : "", rules: list.tipRules[index])
                })
        }
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
