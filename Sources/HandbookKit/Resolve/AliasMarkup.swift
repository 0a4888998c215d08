import HandbookMarkdown

/// The elements that keep a page's old anchors working for links from outside the handbook: an
/// empty `<span>` with the old id just before the heading it now stands for. Links inside the
/// handbook are pointed at the heading itself.
enum AliasMarkup {
    /// The opening of each alias's element, which the print edition finds to prefix its id.
    static let opening = "<span class=\"anchor-alias\" id=\""

    static func add(_ anchors: PageAnchors, to instructions: inout RenderInstructions, outline: DocumentOutline) {
        guard !anchors.aliases.isEmpty else { return }
        var ordinals: [String: Int] = [:]
        for (ordinal, anchor) in anchors.headings.enumerated() where ordinals[anchor] == nil {
            ordinals[anchor] = ordinal
        }
        for alias in anchors.aliases {
            guard let ordinal = ordinals[alias.target], var markup = instructions.headings[ordinal] else { continue }
            markup.open = opening + HTML.escape(alias.name) + "\"></span>" + markup.open
            instructions.headings[ordinal] = markup
        }
    }
}
