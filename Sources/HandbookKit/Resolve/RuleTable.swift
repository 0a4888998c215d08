import HandbookMarkdown

/// What every page is resolved against once the rules are collected: the rules, the pages'
/// anchors and the media files. It does not change while the pages are resolved, so every core
/// reads it at once.
struct RuleTable: Sendable {
    /// A page a link can point to, with every anchor it has.
    struct LinkablePage: Sendable {
        var page: ParsedPage
        var anchors: Set<String>
    }

    /// Where a link to a page or media file lands, or why it cannot.
    enum ContentLink {
        case page(url: String)
        case media(url: String, path: ExactText)
        case missingAnchor(candidates: Set<String>)
        /// The file is there in another Unicode form, under `name`.
        case otherUnicodeForm(name: String)
        case missing
    }

    var rules: [Rule] = []
    var ruleIndex: [String: Int] = [:]
    /// Each rule's link from a page, by rule index: made once per rule, since percent-encoding
    /// it at each of thousands of references was a twelfth of `serve`'s rebuild.
    var ruleURLs: [String] = []
    /// The identifiers of the rules by their prefix (`RuleGrammar.prefix`): the known prefixes,
    /// and where "did you mean" looks for a bare mention.
    var identifiersByPrefix: [Substring: [String]] = [:]
    /// For each chapter, the innermost rule of each of its top-level blocks.
    var innermostRuleOfBlock: [[Int?]] = []
    var pagesByContentPath: [String: LinkablePage] = [:]
    /// Each page's anchors, for the targets of its aliases.
    var aliasesByContentPath: [String: PageAnchors] = [:]
    /// Media paths byte for byte, and by their NFC form (see `UnicodeForm`).
    var mediaPaths: Set<ExactText> = []
    var mediaByNormalisedPath: [ExactText: String] = [:]
    var grammar = RuleGrammar.standard
    /// `broken_links: warning`: a missing target is a warning, and the link is shown as text.
    var brokenLinksAreWarnings = false

    func rule(_ identifier: String) -> Int? {
        ruleIndex[identifier]
    }

    /// What a page's resolution depends on of the rule at `index`.
    func facts(ofRule index: Int) -> RuleFacts {
        let rule = rules[index]
        return RuleFacts(
            identifier: rule.identifier, title: rule.title, chapter: rule.chapter, heading: rule.heading, parent: rule.parent,
            url: ruleURLs[index])
    }

    /// Whether `facts` are those of the rule `identifier` (nil: there is no such rule), compared
    /// where they are kept: every page's every question is asked again on each save.
    func rule(_ identifier: String, matches facts: RuleFacts?) -> Bool {
        rule(at: ruleIndex[identifier], matches: facts)
    }

    func rule(at index: Int?, matches facts: RuleFacts?) -> Bool {
        guard let index, let facts else { return index == nil && facts == nil }
        return rules[index].identifier == facts.identifier && rules[index].title == facts.title
            && rules[index].chapter == facts.chapter && rules[index].heading == facts.heading
            && rules[index].parent == facts.parent && ruleURLs[index] == facts.url
    }

    func innermostRule(containing block: Int, chapter: Int?) -> Int? {
        guard let chapter, innermostRuleOfBlock[chapter].indices.contains(block) else { return nil }
        return innermostRuleOfBlock[chapter][block]
    }

    func contentLink(path: String, anchor: String?) -> ContentLink {
        if let target = pagesByContentPath[path] {
            if let anchor, !anchor.isEmpty, !target.anchors.contains(anchor) {
                return .missingAnchor(candidates: target.anchors)
            }
            let landing = anchor.map { aliasesByContentPath[path]?.target(of: $0) ?? $0 }
            let fragment = landing.map { $0.isEmpty ? "" : "#" + URLEncoding.fragment($0) } ?? ""
            return .page(url: SiteLayout.rootFromPage + target.page.outputPath + fragment)
        }
        if mediaPaths.contains(ExactText(path)) {
            let fragment = anchor.map { "#" + URLEncoding.fragment($0) } ?? ""
            return .media(url: SiteLayout.rootFromPage + URLEncoding.path(path) + fragment, path: ExactText(path))
        }
        if let name = mediaByNormalisedPath[ExactText(path)] {
            return .otherUnicodeForm(name: name)
        }
        return .missing
    }

    /// The URL `contentLink` gives, when it gives one.
    func contentLinkURL(path: String, anchor: String?) -> String? {
        switch contentLink(path: path, anchor: anchor) {
        case .page(let url), .media(let url, _): url
        case .missingAnchor, .otherUnicodeForm, .missing: nil
        }
    }
}

/// What resolving a page reads of a rule: when all of it is the same in the next build, the
/// page's resolution is too.
struct RuleFacts: Sendable, Equatable {
    var identifier: String
    var title: String
    var chapter: Int
    var heading: Int
    var parent: String?
    var url: String
}
