import HandbookMarkdown

/// A page with everything the renderer needs: its anchors and the changes to its links.
struct ResolvedPage: Sendable {
    var page: ParsedPage
    var anchors: PageAnchors
    var instructions: RenderInstructions
    /// For tip lists: the rules each tip refers to, in order, without repeats.
    var tipRules: [[String]]
}
