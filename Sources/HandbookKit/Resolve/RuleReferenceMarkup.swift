import HandbookMarkdown

/// The link that shows a rule identifier, in prose, in `[](rule:...)` links and on the changes
/// page: one markup, so the `rule-ref` class the stylesheet and scripts look for is written once.
enum RuleReferenceMarkup {
    static func link(url: String, title: String?) -> InlineMarkup {
        let titleAttribute = title.map { " title=\"\(HTML.escape($0))\"" } ?? ""
        return InlineMarkup(open: "<a class=\"rule-ref\" href=\"\(HTML.escape(url))\"\(titleAttribute)>", close: "</a>")
    }

    /// A whole link around `identifier`, as HTML.
    static func html(_ identifier: String, url: String) -> String {
        let markup = link(url: url, title: nil)
        return markup.open + HTML.escape(identifier) + markup.close
    }
}
