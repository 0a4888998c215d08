/// A rule as the pages that link to it show it: its identifier and title, and where its
/// chapter is. Its context is made from this value alone, and the keys of the pages that show
/// it hash it.
struct RuleLink: Hashable, Sendable {
    var identifier: String
    var title: String
    /// The page of the rule's chapter.
    var chapterPath: String

    /// Nil when the handbook has no such rule.
    init?(_ identifier: String, handbook: ResolvedHandbook) {
        guard let rule = handbook.rule(identifier) else { return nil }
        self.identifier = rule.identifier
        title = rule.title
        chapterPath = handbook.chapters[rule.chapter].page.outputPath
    }

    /// `id`, `title`, `url` (the rule's page) and `contextURL` (the rule in its chapter).
    func context(root: String) -> TemplateContext {
        [
            .id: identifier, .title: title,
            .url: root + URLEncoding.path(SiteLayout.rulePage(identifier)),
            .contextURL: root + URLEncoding.path(chapterPath) + "#" + identifier,
        ]
    }

    /// The links to `identifiers` that exist, by identifier.
    static func links(to identifiers: some Sequence<String>, handbook: ResolvedHandbook) -> [String: RuleLink] {
        var links: [String: RuleLink] = [:]
        for identifier in identifiers where links[identifier] == nil {
            links[identifier] = RuleLink(identifier, handbook: handbook)
        }
        return links
    }
}

extension RuleLink {
    init(_ rule: Rule, chapterPath: String) {
        identifier = rule.identifier
        title = rule.title
        self.chapterPath = chapterPath
    }
}
