/// The whole of the last resolve in this process (`handbook serve`), which `Resolver.patch`
/// brings up to date when an edit leaves every page where it was and every chapter's rules
/// with the identifiers they had: the changed chapters' rules replace theirs, and only the
/// rules whose citations the changed pages touch are joined again. Gathering every chapter's
/// rules and joining every page's citations anew was half of each save's resolve at a thousand
/// chapters.
struct LastResolve: Sendable {
    /// By page: the chapters, then the tip lists.
    var sources: [ResolveMemo.Source]
    var contentPaths: [String]
    var mediaPaths: [String]
    /// What the pages were resolved against: the rules as collected, without citations.
    var table: RuleTable
    var rulesByChapter: [[Int]]
    /// The rules with every page's citations and references joined.
    var rules: [Rule]
    /// By page.
    var resolutions: [PageResolution]
    var anchors: [PageAnchors]
    /// By page: what checking its anchors reported, and what collecting its rules did (for a
    /// tip list, the rules and change notes it may not have).
    var anchorProblems: [[Diagnostic]]
    var collectProblems: [[Diagnostic]]
    /// By rule, the pages that cite it, in order.
    var citingPages: [[Int]]

    /// By rule (as `ruleIndex` numbers them), the pages whose resolutions cite it, in order.
    static func citingPages(_ resolutions: [PageResolution], ruleIndex: [String: Int], ruleCount: Int) -> [[Int]] {
        var citing = [[Int]](repeating: [], count: ruleCount)
        for (page, resolution) in resolutions.enumerated() {
            for citation in resolution.citations {
                guard let rule = ruleIndex[citation.target], citing[rule].last != page else { continue }
                citing[rule].append(page)
            }
        }
        return citing
    }

    /// The positions of a chapter's rules in `rules`: collected one chapter after another, they
    /// follow each other.
    func ruleRange(ofChapter chapter: Int) -> Range<Int> {
        guard let first = rulesByChapter[chapter].first, let last = rulesByChapter[chapter].last else { return 0..<0 }
        return first..<(last + 1)
    }
}
