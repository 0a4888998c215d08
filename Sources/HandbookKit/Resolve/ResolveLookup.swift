/// One question a page's resolution asked of the `RuleTable`, with the answer it got. A page
/// whose every question gets the same answer from the next build's table resolves the same,
/// which is what lets `serve` skip the pages an edit does not touch.
enum ResolveLookup: Sendable, Equatable {
    /// A rule by its identifier: it, or no rule.
    case rule(String, RuleFacts?)
    /// The innermost rule around one of the page's top-level blocks.
    case innermostRule(block: Int, RuleFacts?)
    /// Whether any rule has this prefix, for an identifier that is not a rule's.
    case prefix(String, known: Bool)
    /// A link to a page or media file, and where it landed.
    case contentLink(path: String, anchor: String?, url: String?)

    /// Whether `table` gives the same answer, for a page that is chapter `chapter`.
    func holds(in table: RuleTable, chapter: Int?) -> Bool {
        switch self {
        case .rule(let identifier, let facts):
            return table.rule(identifier, matches: facts)
        case .innermostRule(let block, let facts):
            return table.rule(at: table.innermostRule(containing: block, chapter: chapter), matches: facts)
        case .prefix(let prefix, let known):
            return (table.identifiersByPrefix[Substring(prefix)] != nil) == known
        case .contentLink(let path, let anchor, let url):
            return table.contentLinkURL(path: path, anchor: anchor) == url
        }
    }
}
