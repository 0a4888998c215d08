import HandbookMarkdown

/// The link that shows a rule identifier, in prose, in `[](rule:...)` links and on the changes
/// page: one markup, so the `rule-ref` class the stylesheet and scripts look for is written once.
enum RuleReferenceMarkup {
    static func link(url: String, title: String?) -> InlineMarkup {
        let titleAttribute = title.map { " title=\"\(HTML.escape($0))\"" } ?? ""
        return InlineMarkup(open: "<a class=\"rule-ref\" href=\"\(HTML.escape(url))\"\(titleAttribute)>", close: "</a>")
    }

    /// What a `[text](rule:ID)` link to a rule becomes: a link to `url` titled with the rule, or,
    /// written with no text, a `rule-ref` link showing the identifier.
    static func linkRewrite(url: String, identifier: String, title: String) -> RenderInstructions.LinkRewrite {
        let linkTitle = "\(identifier) \(title)"
        return .init(url: url, title: linkTitle, whenEmpty: .init(markup: link(url: url, title: linkTitle), text: identifier))
    }

    /// A bare identifier in prose, at `range` of its text node, linked to `url`.
    static func identifierLink(range: Range<Int>, url: String, title: String) -> RenderInstructions.IdentifierLink {
        .init(range: range, markup: link(url: url, title: title))
    }

    /// A whole link around `identifier`, as HTML.
    static func html(_ identifier: String, url: String) -> String {
        let markup = link(url: url, title: nil)
        return markup.open + HTML.escape(identifier) + markup.close
    }
}
