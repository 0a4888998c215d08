import HandbookMarkdown

/// The HTML that opens and closes a heading, with its anchor, written around cmark's
/// rendering of the heading's text.
enum HeadingMarkup {
    static func plain(level: Int, id: String) -> RenderInstructions.HeadingMarkup {
        .init(open: "<h\(level) id=\"\(HTML.escape(id))\">", close: "</h\(level)>")
    }

    /// A rule heading: its identifier shown apart and linked to the rule's permalink page.
    static func rule(
        level: Int, rule: DocumentOutline.RuleHeading, permalink: String
    ) -> RenderInstructions.HeadingMarkup {
        let id = HTML.escape(rule.identifier)
        return .init(
            open: "<h\(level) id=\"\(id)\" class=\"rule-heading\"><a class=\"rule-id\" href=\"\(HTML.escape(permalink))\">\(id)</a> <span class=\"rule-title\">",
            close: "</span></h\(level)>",
            dropPrefixBytes: rule.prefixByteCount, dropSuffixBytes: rule.suffixByteCount)
    }
}
