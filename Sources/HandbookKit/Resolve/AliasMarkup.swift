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
        // Each alias goes before those already there, the last first; a heading's are joined
        // once, as putting each before the growing rest cost the square of their number.
        var spans: [Int: [String]] = [:]
        for alias in anchors.aliases {
            guard let ordinal = ordinals[alias.target], instructions.headings[ordinal] != nil else { continue }
            spans[ordinal, default: []].append(opening + HTML.escape(alias.name) + "\"></span>")
        }
        for (ordinal, elements) in spans {
            guard var markup = instructions.headings[ordinal] else { continue }
            markup.open = elements.reversed().joined() + markup.open
            instructions.headings[ordinal] = markup
        }
    }
}
