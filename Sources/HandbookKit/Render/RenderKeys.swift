/// The keys of the parts of the site that are rendered together (a chapter with its rule pages
/// and embeds, a tip list with its embed, the pages that list the whole handbook). A key
/// combines everything its pages are made from: when it is the same as in the last build, so are
/// the pages, and `handbook serve` does not render them again.
///
/// The keys are not a list of inputs kept beside the pages by hand: a key hashes the very values
/// the pages' contexts are built from, the frame every page shows (`PageFrame`) and the unit's
/// own (`ChapterUnit`, `TipListUnit`, `SiteUnit`), with the templates. The renderer is given
/// those values and not the handbook, so a value a page shows is in its key by construction.
/// The end-to-end test that compares rebuilds with whole builds checks the result.
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
    func key(_ unit: some Hashable) -> Int {
        var hasher = Hasher()
        hasher.combine(frame)
        hasher.combine(unit)
        return hasher.finalize()
    }
}
