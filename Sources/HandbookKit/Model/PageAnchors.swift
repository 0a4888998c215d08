import HandbookMarkdown

/// The anchors of one page: an id for every heading and, in a tip list, for every tip.
struct PageAnchors: Sendable {
    /// By heading ordinal.
    var headings: [String]
    /// By top-level list item (tips only; empty for chapters).
    var tips: [String]

    var all: Set<String> { Set(headings).union(tips) }

    /// Rule headings keep their identifier; other headings get slugs; tips are named after
    /// their bold lead, or numbered when they have none.
    /// `reserved`: ids the templates write on every page, which no heading or tip may take.
    static func compute(for outline: DocumentOutline, withTips: Bool, reserved: Set<String> = []) -> PageAnchors {
        var slugger = HeadingSlugger()
        for id in reserved.sorted() { slugger.reserve(id) }
        for heading in outline.headings {
            if let rule = heading.rule { slugger.reserve(rule.identifier) }
        }
        let headings = outline.headings.map { heading in
            heading.rule?.identifier ?? slugger.slug(for: heading.text)
        }
        var tips: [String] = []
        if withTips {
            for (index, item) in outline.listItems.enumerated() {
                if let lead = item.lead {
                    tips.append(slugger.slug(for: lead))
                } else {
                    tips.append(slugger.slug(for: "tip \(index + 1)"))
                }
            }
        }
        return PageAnchors(headings: headings, tips: tips)
    }
}
