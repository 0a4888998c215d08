/// `rules/index.html`, the list of every rule by chapter. An edition rather than a page of the
/// render step: a rule's new title changes it, and rendering it on every save of `serve` took
/// a sixth of a rebuild of a 6,000-rule handbook; `serve` writes it when it is asked for.
struct RulesIndexEdition: Edition {
    let handbook: ResolvedHandbook
    let templates: TemplateSet

    var kind: SiteEdition { .rulesIndex }

    func make() -> String {
        SiteRenderer.rulesIndexHTML(SiteUnit(handbook), context: PageContext(handbook: handbook, templates: templates), templates: templates)
    }

    func write(_ made: String, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.write(made, to: SiteLayout.rulesIndex, scope: .edition(kind))
        return nil
    }
}
