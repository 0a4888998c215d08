/// The keys of the parts of the site that are rendered together (a chapter with its rule pages
/// and embeds, a tip list with its embed, the pages that list the whole handbook). A key holds
/// everything its pages are made from: when it equals the last build's, so do the pages, and
/// `handbook serve` does not render them again.
///
/// The keys are not a list of inputs kept beside the pages by hand: a key holds the very values
/// the pages' contexts are built from, the frame every page shows (`PageFrame`, digested with
/// the templates) and the unit's own (`ChapterUnit`, `TipListUnit`, `SiteUnit`). The renderer is
/// given those values and not the handbook, so a value a page shows is in its key by
/// construction. The end-to-end test that compares rebuilds with whole builds checks the result.
struct RenderKeys: Sendable {
    /// What every page shows: the settings, the navigation, the templates.
    let frame: Int

    init(frame: PageFrame, templates: TemplateSet) {
        var hasher = Hasher()
        hasher.combine(frame)
        hasher.combine(templates.digest)
        self.frame = hasher.finalize()
    }

    /// The key of the pages made from `unit` and the frame.
    func key(_ unit: some Hashable & Sendable) -> RenderKey {
        RenderKey(frame: frame, unit: unit)
    }
}

/// A unit's inputs with the frame's digest (`RenderKeys`). The inputs are compared, not
/// hashed: what an edit leaves alone shares its storage with the last build's values (the
/// resolved pages kept by `ResolveMemo`, the parsed pages kept by `BuildCache`), which
/// comparison passes over at once and hashing would read through, a thousand chapters at every
/// save.
struct RenderKey: Sendable, Equatable {
    let frame: Int
    let unit: any Hashable & Sendable

    static func == (left: RenderKey, right: RenderKey) -> Bool {
        left.frame == right.frame && left.unit.isEqual(to: right.unit)
    }
}

extension Hashable {
    fileprivate func isEqual(to other: any Hashable) -> Bool {
        (other as? Self) == self
    }
}
