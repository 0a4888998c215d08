/// Step 3, resolve: collect the rules, check every link and reference, and compute anchors and
/// citations, into the model every page and edition is made from.
package enum ResolveStep {
    /// `templates` may be nil when they failed to load: their ids are then not reserved, and the
    /// build stops at their errors anyway.
    package static func run(
        config: HandbookConfig, chapters: [ParsedPage], tipLists: [ParsedPage], media: [MediaFile],
        templates: TemplateSet?
    ) -> (ResolvedHandbook, [Diagnostic]) {
        Resolver.resolve(
            config: config, chapters: chapters, tipLists: tipLists, media: media, reservedAnchors: templates?.reservedIDs ?? [])
    }
}
