import HandbookMarkdown

/// The anchors of one page: an id for every heading and, in a tip list, for every tip.
struct PageAnchors: Sendable {
    /// By heading ordinal.
    var headings: [String]
    /// By top-level list item (tips only; empty for chapters).
    var tips: [String]

    /// Old anchors kept for links from before (`anchors:` in front matter, and an explicit
    /// anchor on a rule heading), each standing for an anchor of `headings`. Set by the resolver.
    var aliases: [AnchorAlias] = [] {
        didSet { aliasTargets = Dictionary(aliases.map { ($0.name, $0.target) }, uniquingKeysWith: { first, _ in first }) }
    }
    private var aliasTargets: [String: String] = [:]

    init(headings: [String], tips: [String]) {
        self.headings = headings
        self.tips = tips
    }

    var all: Set<String> { Set(headings).union(tips).union(aliases.map(\.name)) }

    /// The anchor a link to `anchor` lands on: the alias's target, or itself.
    func target(of anchor: String) -> String {
        aliasTargets[anchor] ?? anchor
    }

    /// Rule headings keep their identifier; other headings their explicit anchor (`{#name}`),
    /// when it is a valid one, or else slugs; tips are named after
    /// their bold lead, or numbered when they have none.
    /// `reserved`: ids the templates write on every page, which no heading or tip may take.
    static func compute(for outline: DocumentOutline, withTips: Bool, reserved: Set<String> = []) -> PageAnchors {
        var slugger = HeadingSlugger()
        for id in reserved.sorted() { slugger.reserve(id) }
        for heading in outline.headings {
            if let rule = heading.rule {
                slugger.reserve(rule.identifier)
            } else if let name = AnchorName.explicit(heading) {
                slugger.reserve(name)
            }
        }
        let headings = outline.headings.map { heading in
            heading.rule?.identifier ?? AnchorName.explicit(heading) ?? slugger.slug(for: heading.text)
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
