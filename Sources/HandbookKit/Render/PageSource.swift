/// A chapter or tip list as resolved, which its own pages are rendered from. Two are equal when
/// their text, their place in the site, their links' rewriting, their anchors and their tips'
/// rules are: the parsed document is not compared, as the digest of the text stands for it (and
/// the settings and templates it also depends on are in every page's key, `PageFrame`).
struct PageSource: Hashable, Sendable {
    let resolved: ResolvedPage

    var page: ParsedPage { resolved.page }

    static func == (left: PageSource, right: PageSource) -> Bool {
        left.page.sourceDigest == right.page.sourceDigest && left.page.kind == right.page.kind && left.page.slug == right.page.slug
            && left.resolved.instructions == right.resolved.instructions
            && left.resolved.anchors.headings == right.resolved.anchors.headings
            && left.resolved.anchors.tips == right.resolved.anchors.tips
            && left.resolved.tipRules == right.resolved.tipRules
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(page.sourceDigest)
        hasher.combine(page.kind)
        hasher.combine(page.slug)
        hasher.combine(resolved.instructions)
        hasher.combine(resolved.anchors.headings)
        hasher.combine(resolved.anchors.tips)
        hasher.combine(resolved.tipRules)
    }
}
