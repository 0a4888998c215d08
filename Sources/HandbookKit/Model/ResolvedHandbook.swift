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
    /// Each chapter's page (`ParsedPage.outputPath`), made once: every link to a rule names it.
    var chapterPaths: [String]
    var media: [MediaFile]
    /// The rules' editions, and what changed since the previous edition (`EditionComparison`).
    var history = EditionHistory()
    /// Every part, in order, those without chapters too (empty when the handbook has none).
    var parts: [HandbookPart] = []
    /// Each chapter's part, by chapter index; empty when the handbook has no parts.
    var chapterParts: [HandbookPart?] = []
    /// Each chapter's number, by chapter index; empty when the handbook has no parts, whose
    /// chapters are numbered from 1.
    var chapterNumbers: [ChapterNumber] = []

    /// The chapter's number as readers see it.
    func number(ofChapter index: Int) -> ChapterNumber {
        index < chapterNumbers.count ? chapterNumbers[index] : ChapterNumber(label: String(index + 1), isAppendix: false)
    }

    /// The chapter's part, if it is in one.
    func part(ofChapter index: Int) -> HandbookPart? {
        index < chapterParts.count ? chapterParts[index] : nil
    }

    /// The chapters grouped by part, in order; nil when no chapter is in a part.
    var partGroups: [PartGroup]? {
        PartGroup.groups(chapterParts)
    }

    func rule(_ identifier: String) -> Rule? {
        ruleIndex[identifier].map { rules[$0] }
    }
}
