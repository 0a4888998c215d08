import Foundation

/// The record of a built handbook, made from the model and the content rendered for its pages.
extension HandbookIndex {
    /// With `rulesHTMLLater`, each rule's `html` is left empty for `ruleHTML` to fill in as the
    /// rule is written (`write(to:completingRules:)`), so that they are not all held at once.
    init(_ handbook: ResolvedHandbook, content: RenderedContent, rulesHTMLLater: Bool = false) {
        func fragment(_ html: String) -> String { Self.fragment(html, baseURL: handbook.config.baseURL) }
        schemaVersion = Self.schemaVersion
        title = handbook.config.title
        subtitle = handbook.config.subtitle
        organisation = handbook.config.organisation
        edition = handbook.config.edition
        language = handbook.config.language
        chapters = handbook.chapters.enumerated().map { index, chapter in
            Chapter(
                slug: chapter.page.slug, title: chapter.page.frontMatter.title,
                summary: chapter.page.frontMatter.summary, updated: chapter.page.frontMatter.updated,
                url: chapter.page.outputPath,
                rules: ((chapter.page.frontMatter.ruleIdentifier.map { [$0] } ?? [])
                    + chapter.page.outline.headings.compactMap { $0.block != nil ? $0.rule?.identifier : nil })
                    .filter { handbook.ruleIndex[$0] != nil },
                part: handbook.part(ofChapter: index)?.id,
                anchors: chapter.anchors.aliases.isEmpty
                    ? nil : Dictionary(chapter.anchors.aliases.map { ($0.name, $0.target) }, uniquingKeysWith: { first, _ in first }))
        }
        if !handbook.config.situations.isEmpty {
            situations = handbook.config.situations.map { situation in
                Situation(text: situation.text, rules: situation.ruleIdentifiers.filter { handbook.ruleIndex[$0] != nil })
            }
        }
        if !handbook.parts.isEmpty {
            var slugsByPart: [String: [String]] = [:]
            for (index, chapter) in handbook.chapters.enumerated() {
                if let part = handbook.part(ofChapter: index) { slugsByPart[part.id, default: []].append(chapter.page.slug) }
            }
            parts = handbook.parts.map { part in
                Part(id: part.id, title: part.title, summary: part.summary, chapters: slugsByPart[part.id] ?? [])
            }
        }
        let history = handbook.history
        rules = handbook.rules.map { rule in
            let chapter = handbook.chapters[rule.chapter].page
            let record = history.rules[rule.identifier]
            return Rule(
                id: rule.identifier, title: rule.title, chapter: chapter.slug,
                url: "\(chapter.outputPath)#\(rule.identifier)", permalink: SiteLayout.rulePage(rule.identifier),
                text: rule.plainText, html: rulesHTMLLater ? "" : fragment(content.rules[rule.identifier] ?? ""), references: rule.references,
                citedBy: rule.citedBy.map { Citation(kind: $0.kind.rawValue, id: $0.id, anchor: $0.anchor, url: $0.url) },
                wording: rule.wording, textHash: record?.textHash, edition: record?.edition, since: record?.since)
        }
        withdrawn = history.withdrawn.map { rule in
            Withdrawn(
                id: rule.id, title: rule.title, chapter: rule.chapter.slug, chapterTitle: rule.chapter.title,
                permalink: SiteLayout.rulePage(rule.id), wording: rule.wording, withdrawnIn: rule.withdrawnIn, since: rule.since,
                note: rule.note)
        }
        if let edition = history.edition, let previous = history.previousEdition {
            changes = Changes(
                edition: edition, previousEdition: previous, url: SiteLayout.changes,
                rules: history.changes.map { change in
                    RuleChange(
                        id: change.id, kinds: change.kinds.map(\.rawValue), title: change.title, previousTitle: change.previousTitle,
                        chapter: change.chapter.slug, previousChapter: change.previousChapter?.slug,
                        previousWording: change.previousWording, wording: change.wording, note: change.note,
                        url: "\(SiteLayout.changes)#\(change.id)")
                },
                tipLists: history.tipLists.map { list in
                    TipListChange(
                        slug: list.slug, title: list.title, kind: list.kind.rawValue, tipsAdded: list.tipsAdded,
                        tipsRemoved: list.tipsRemoved, tipsReworded: list.tipsReworded.map { .init(before: $0.before, after: $0.after) })
                })
        }
        tipLists = handbook.tipLists.enumerated().map { number, list in
            let rendered = content.tipLists[number].tips
            return TipList(
                slug: list.page.slug, title: list.page.frontMatter.title, summary: list.page.frontMatter.summary,
                url: list.page.outputPath,
                tips: list.page.outline.listItems.indices.map { index in
                    Tip(anchor: list.anchors.tips[index], text: list.page.outline.listItems[index].plainText,
                        html: index < rendered.count ? fragment(rendered[index].html) : "", rules: list.tipRules[index])
                })
        }
    }

    /// A rule's or tip's HTML as handbook.json has it: its links made absolute with the base URL.
    static func fragment(_ html: String, baseURL: String?) -> String {
        // The rest of each value is already escaped for the attribute it was rendered in.
        let base = HTML.escape(baseURL ?? "")
        return LinkRewriter.rewrite(html) { base + $0 }
    }

    /// Each rule's `html`, for an index made with `rulesHTMLLater`.
    static func ruleHTML(_ handbook: ResolvedHandbook, content: RenderedContent) -> @Sendable (inout Rule) -> Void {
        let baseURL = handbook.config.baseURL
        return { rule in rule.html = fragment(content.rules[rule.id] ?? "", baseURL: baseURL) }
    }
}
