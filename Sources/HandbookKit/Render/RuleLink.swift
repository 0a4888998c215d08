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
        guard let index = handbook.ruleIndex[identifier] else { return nil }
        self.identifier = handbook.rules[index].identifier
        title = handbook.rules[index].title
        chapterPath = handbook.chapterPaths[handbook.rules[index].chapter]
    }

    /// `id`, `title`, `url` (the rule's page) and `contextURL` (the rule in its chapter).
    func context(root: String) -> TemplateContext {
        [
            .id: identifier, .title: title,
            .url: root + URLEncoding.path(SiteLayout.rulePage(identifier)),
            .contextURL: contextURL(root: root),
        ]
    }

    /// The rule in its chapter's page.
    func contextURL(root: String) -> String {
        root + URLEncoding.path(chapterPath) + "#" + URLEncoding.fragment(identifier)
    }

}

/// The rules a unit's pages link to, each once, in the order they are first named, looked up by
/// identifier. Two are equal when their lists are: comparing dictionaries would hash every
/// identifier again each time `RenderKeys` compares a unit.
struct RuleLinks: Hashable, Sendable {
    private(set) var list: [RuleLink] = []
    private var positions: [String: Int] = [:]

    /// The links to those of `identifiers` that the handbook has.
    init(to identifiers: some Sequence<String>, handbook: ResolvedHandbook) {
        for identifier in identifiers where positions[identifier] == nil {
            guard let link = RuleLink(identifier, handbook: handbook) else { continue }
            positions[identifier] = list.count
            list.append(link)
        }
    }

    subscript(identifier: String) -> RuleLink? {
        positions[identifier].map { list[$0] }
    }

    static func == (left: RuleLinks, right: RuleLinks) -> Bool {
        left.list == right.list
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(list)
    }
}

extension RuleLink {
    init(_ rule: Rule, chapterPath: String) {
        identifier = rule.identifier
        title = rule.title
        self.chapterPath = chapterPath
    }
}
