import HandbookMarkdown

/// What a link with no target becomes in a draft (`broken_links: warning`): its text, marked so
/// that reviewers see it and readers are not sent to a page that does not exist.
enum BrokenLinkMarkup {
    static func rewrite(url: String) -> RenderInstructions.LinkRewrite {
        let markup = InlineMarkup(
            open: "<span class=\"link-broken\" title=\"\(HTML.escape("Broken link: " + url))\">", close: "</span>")
        return .init(unlinked: .init(markup: markup, text: url))
    }
}
