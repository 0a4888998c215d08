/// `embed/index.html`, the guide for intranet editors with a snippet for every chapter, rule
/// and tip list. An edition for the reason `RulesIndexEdition` is one: every rule's title is in it.
struct EmbedGuideEdition: Edition {
    let handbook: ResolvedHandbook
    let templates: TemplateSet

    var kind: SiteEdition { .embedGuide }

    func make() -> EmbedPages.Page {
        EmbedPages.guide(SiteUnit(handbook), context: PageContext(handbook: handbook, templates: templates), templates: templates)
    }

    func write(_ made: EmbedPages.Page, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.write(made.html, to: made.path, scope: .edition(kind))
        return nil
    }
}
