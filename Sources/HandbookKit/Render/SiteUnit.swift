/// Everything the pages that list the whole handbook show besides the frame (`PageFrame`): the
/// home page, all rules, search, the embed guide, the changes page and the withdrawn rules'
/// pages. Their contexts are built from this value and the frame alone, and its key
/// (`RenderKeys`) holds it (see `ChapterUnit`). The sizes of the downloads on the home page are not part of it: the
/// editions write the home page again whenever they change them.
struct SiteUnit: Hashable, Sendable {
    /// A rule in the lists of rules.
    struct RuleEntry: Hashable, Sendable {
        var link: RuleLink
        /// Its chapter's index in `chapters`.
        var chapter: Int
        /// A sub-rule.
        var nested: Bool
    }

    /// A tip list on the home page, in the embed guide and among the changes.
    struct TipListEntry: Hashable, Sendable {
        var title: String
        var summary: String?
        var slug: String
        var path: String
        var tipCount: Int
    }

    /// An entry point by situation on the home page, with the rules it leads to.
    struct SituationEntry: Hashable, Sendable {
        var text: String
        var rules: [RuleLink]
    }

    var chapters: [ChapterSummary]
    /// Those with at least one rule the handbook has, as handbook.yml lists them.
    var situations: [SituationEntry]
    /// In the handbook's order.
    var rules: [RuleEntry]
    /// Indices into `rules`, by chapter, in document order.
    var rulesByChapter: [[Int]]
    var tipLists: [TipListEntry]
    /// The edition, and what changed since the previous one; not the rules' records, which no
    /// page shows and which change with every edit of a rule's text.
    var history: EditionHistory
    /// How change notes find the identifiers in them.
    var grammar: RuleGrammar

    init(_ handbook: ResolvedHandbook) {
        grammar = handbook.config.ruleGrammar
        chapters = handbook.chapters.indices.map { ChapterSummary($0, handbook: handbook) }
        rules = handbook.rules.map { rule in
            RuleEntry(
                link: RuleLink(rule, chapterPath: handbook.chapterPaths[rule.chapter]),
                chapter: rule.chapter, nested: rule.parent != nil)
        }
        rulesByChapter = handbook.rulesByChapter
        situations = handbook.config.situations.compactMap { situation in
            let rules = RuleLinks(to: situation.ruleIdentifiers, handbook: handbook).list
            return rules.isEmpty ? nil : SituationEntry(text: situation.text, rules: rules)
        }
        tipLists = handbook.tipLists.map { list in
            TipListEntry(
                title: list.page.frontMatter.title, summary: list.page.frontMatter.summary, slug: list.page.slug,
                path: list.page.outputPath, tipCount: list.anchors.tips.count)
        }
        history = handbook.history
        history.rules = [:]
    }

    /// Positions in `rules`, by identifier.
    func ruleIndex() -> [String: Int] {
        Dictionary(rules.enumerated().map { ($1.link.identifier, $0) }) { first, _ in first }
    }

    /// A change note, its identifiers of rules and of withdrawn rules linked.
    func note(_ text: String, ruleIndex: [String: Int]) -> LinkedNote {
        LinkedNote(text, grammar: grammar) { ruleIndex[$0] != nil || history.withdrawnRule($0) != nil }
    }

    /// A chapter's page by its slug, if this edition has it.
    func chapterURL(_ slug: String, root: String) -> String? {
        chapters.first { $0.slug == slug }.map { root + URLEncoding.path($0.path) }
    }
}
