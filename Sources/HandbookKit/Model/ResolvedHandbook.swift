import HandbookMarkdown

/// The whole handbook, resolved: every rule known, every link checked.
package struct ResolvedHandbook: Sendable {
    package var config: HandbookConfig
    var chapters: [ResolvedPage]
    var tipLists: [ResolvedPage]
    var rules: [Rule]
    var ruleIndex: [String: Int]
    /// Indices into `rules`, by chapter, in document order.
    var rulesByChapter: [[Int]]
    var media: [MediaFile]
    /// The rules' editions, and what changed since the previous edition (`EditionComparison`).
    var history = EditionHistory()

    func rule(_ identifier: String) -> Rule? {
        ruleIndex[identifier].map { rules[$0] }
    }
}
