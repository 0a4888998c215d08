/// The lists of chapters grouped by part, as templates see them (`nav.parts`, `parts` on the
/// home page, in print and in the embed guide): one section per run of chapters (`PartGroup`),
/// each with `isPart` always set, so that a template's `{{#isPart}}` never finds a value of
/// an enclosing context, and the part's own values nested under `part`.
enum PartSections {
    /// `id`, `title`, `appendix`, and `summary` when it has one.
    static func context(_ part: HandbookPart) -> TemplateContext {
        var values: TemplateContext = [.id: part.id, .title: part.title, .appendix: part.isAppendix]
        values[.summary] = part.summary
        return values
    }

    /// The sections of `chapters` (their contexts, in order), cut as `groups` says: `isPart`,
    /// `part` for a part, `start` (the first chapter's number) and `chapters`.
    /// `start` counts only the chapters that are not appendices, which have letters of their own.
    static func sections(_ groups: [PartGroup], chapters: [TemplateContext]) -> [TemplateContext] {
        var numbered = 0
        return groups.map { group in
            var section: TemplateContext = [
                .isPart: group.part != nil, .start: numbered + 1,
                .chapters: Array(chapters[group.chapters]),
            ]
            section[.part] = group.part.map(context)
            if group.part?.isAppendix != true { numbered += group.chapters.count }
            return section
        }
    }
}
