/// Step 3, resolve: collect the rules, check every link and reference, and compute anchors and
/// citations, into the model every page and edition is made from. With the `memo` of an earlier
/// build in the same process, the pages nothing has changed for are not resolved again.
package enum ResolveStep {
    /// `templates` may be nil when they failed to load: their ids are then not reserved, and the
    /// build stops at their errors anyway.
    package static func run(
        config: HandbookConfig, chapters: [ParsedPage], tipLists: [ParsedPage], media: [MediaFile],
        templates: TemplateSet?, parts: [HandbookPart] = [], memo: consuming ResolveMemo? = nil, remembering: Bool = false
    ) -> (ResolvedHandbook, [Diagnostic], ResolveMemo) {
        var (handbook, diagnostics, nextMemo) = Resolver.resolve(
            config: config, chapters: chapters, tipLists: tipLists, media: media, reservedAnchors: templates?.reservedIDs ?? [],
            memo: consume memo, remembering: remembering)
        if !parts.isEmpty {
            let byFolder = Dictionary(parts.map { ($0.folderName, $0) }) { first, _ in first }
            handbook.parts = parts
            handbook.chapterParts = chapters.map { $0.file.partFolder.flatMap { byFolder[$0] } }
            handbook.chapterNumbers = ChapterNumber.numbers(handbook.chapterParts)
        }
        return (handbook, diagnostics, nextMemo)
    }
}
