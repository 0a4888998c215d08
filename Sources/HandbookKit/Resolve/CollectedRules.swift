/// A chapter's rules as collecting them found them, before any page is resolved (so with no
/// citations yet), for `ResolveMemo`: the chapter's text decides all of it, once the chapters
/// before it define none of its identifiers.
struct CollectedRules: Sendable {
    var rules: [Rule]
    /// Each rule's link from a page (`RuleTable.ruleURLs`).
    var urls: [String]
    /// Each rule's identifier in lower case, and its prefix (`RuleGrammar.prefix`).
    var foldedIdentifiers: [String]
    var prefixes: [Substring]
    /// By top-level block, the innermost rule around it, as an index into `rules`.
    var innermost: [Int?]
    /// What collecting the rules reported.
    var diagnostics: [Diagnostic]
}
