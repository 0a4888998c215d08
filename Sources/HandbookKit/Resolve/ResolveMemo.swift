/// The pages the last build in this process resolved (`handbook serve`), each with every
/// question it asked of the `RuleTable` and the answer it got. A page whose text is the same,
/// at the same place, and whose every question gets the same answer is taken from here instead
/// of being resolved again: an edit to one chapter resolves that chapter and the pages that
/// cite what changed in it. Pages with diagnostics are not kept: "did you mean" reads the whole
/// handbook.
package struct ResolveMemo: Sendable {
    /// What every page is resolved with; when any of it changes, nothing here is used.
    struct Settings: Sendable, Equatable {
        var grammar: RuleGrammar
        /// The pages are parsed with it, and their outlines may differ with it.
        var allowRawHTML: Bool
        var brokenLinksAreWarnings: Bool
        var reservedAnchors: Set<String>
    }

    /// The page a resolution or its anchors were made from.
    struct Source: Sendable, Equatable {
        var sourceDigest: Int
        var kind: ParsedPage.Kind
        var chapterIndex: Int?

        init(_ page: ParsedPage, chapterIndex: Int?) {
            sourceDigest = page.sourceDigest
            kind = page.kind
            self.chapterIndex = chapterIndex
        }
    }

    struct Resolved: Sendable {
        var source: Source
        var resolution: PageResolution
    }

    struct Collected: Sendable {
        var source: Source
        var rules: CollectedRules
    }

    struct Anchored: Sendable {
        var source: Source
        var anchors: PageAnchors
        /// `anchors.all`, which links to the page are checked against.
        var all: Set<String>
    }

    var settings: Settings
    /// By content path.
    var resolved: [String: Resolved] = [:]
    var anchors: [String: Anchored] = [:]
    /// The chapters' rules, by content path.
    var collected: [String: Collected] = [:]
    /// The content paths of the pages the resolution that made this memo took from the last one.
    var reused: Set<String> = []
    /// The resolution that made this memo, whole, when no chapter's rule was refused in it.
    var last: LastResolve?

    /// The anchors computed for this page before, when they had no problems.
    func anchors(of page: ParsedPage, chapterIndex: Int?) -> Anchored? {
        guard let kept = anchors[page.contentPath], kept.source == Source(page, chapterIndex: chapterIndex) else { return nil }
        return kept
    }

    /// The page's resolution from before, when every answer it was made from still holds.
    func resolution(of page: ParsedPage, chapterIndex: Int?, table: RuleTable) -> PageResolution? {
        guard let kept = resolved[page.contentPath], kept.source == Source(page, chapterIndex: chapterIndex),
            kept.resolution.lookups.allSatisfy({ $0.holds(in: table, chapter: chapterIndex) })
        else { return nil }
        var resolution = kept.resolution
        resolution.page.page = page
        return resolution
    }
}
