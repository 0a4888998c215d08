/// What readers see of the changes since the previous edition: `changes.html`, a mark on each
/// changed rule (`ChangeMark`), and a page for each withdrawn rule at the address the rule had, so that links
/// to it from intranets and citations still lead somewhere.
enum ChangesPage {
    /// The values of `partials/changes` for a page `root` below the site root.
    static func values(_ site: SiteUnit, root: String) -> TemplateContext {
        let history = site.history
        let ruleIndex = site.ruleIndex()
        var added: [TemplateContext] = []
        var changed: [TemplateContext] = []
        var withdrawn: [TemplateContext] = []
        var counts: [EditionHistory.ChangeKind: Int] = [:]
        for change in history.changes {
            for kind in change.kinds { counts[kind, default: 0] += 1 }
            var item: TemplateContext = [.id: change.id, .title: change.title, .label: kindsLabel(change.kinds)]
            item[.note] = change.note.map { site.note($0, ruleIndex: ruleIndex).html(root: root) }
            if change.has(.withdrawn) {
                item[.url] = root + URLEncoding.path(SiteLayout.rulePage(change.id))
                item[.chapterTitle] = change.chapter.title
                withdrawn.append(item)
                continue
            }
            if let rule = ruleIndex[change.id].map({ site.rules[$0] }) {
                let link = rule.link.context(root: root)
                item[.url] = link[.url]
                item[.contextURL] = link[.contextURL]
                item[.chapter] = site.chapters[rule.chapter].context(root: root)
            }
            if change.has(.added) {
                added.append(item)
                continue
            }
            if let before = change.previousTitle {
                item[.retitled] = [.before: before, .after: change.title] as TemplateContext
            }
            if let from = change.previousChapter {
                var moved: TemplateContext = [.fromTitle: from.title]
                moved[.fromURL] = site.chapterURL(from.slug, root: root)
                item[.moved] = moved
            }
            if let before = change.previousWording, let after = change.wording {
                item[.diff] = diffHTML(from: before, to: after)
            }
            changed.append(item)
        }
        let tipLists = history.tipLists.map { list -> TemplateContext in
            var item: TemplateContext = [
                .title: list.title,
                .added: list.tipsAdded, .hasAdded: !list.tipsAdded.isEmpty,
                .removed: list.tipsRemoved, .hasRemoved: !list.tipsRemoved.isEmpty,
                .reworded: list.tipsReworded.map { [.diff: diffHTML(from: $0.before, to: $0.after)] as TemplateContext },
                .hasReworded: !list.tipsReworded.isEmpty,
            ]
            if let page = site.tipLists.first(where: { $0.slug == list.slug }) {
                item[.url] = root + URLEncoding.path(page.path)
            }
            switch list.kind {
            case .added: item[.status] = "New tip list"
            case .removed: item[.status] = "Tip list removed"
            case .changed:
                item[.status] = [
                    list.tipsAdded.isEmpty ? nil : PageContext.count(list.tipsAdded.count, "tip") + " added",
                    list.tipsReworded.isEmpty ? nil : PageContext.count(list.tipsReworded.count, "tip") + " reworded",
                    list.tipsRemoved.isEmpty ? nil : PageContext.count(list.tipsRemoved.count, "tip") + " removed",
                ].compactMap { $0 }.joined(separator: ", ")
            }
            return item
        }
        var summary = [
            (EditionHistory.ChangeKind.added, "added"), (.reworded, "reworded"), (.retitled, "retitled"), (.moved, "moved"),
            (.withdrawn, "withdrawn"),
        ].compactMap { kind, word in counts[kind].map { PageContext.count($0, "rule") + " " + word } }
        if !tipLists.isEmpty { summary.append(PageContext.count(tipLists.count, "tip list") + " changed") }
        return [
            .edition: history.edition ?? "", .previousEdition: history.previousEdition ?? "",
            .summary: summary.isEmpty ? "Nothing changed." : summary.joined(separator: ", ") + ".",
            .hasChanges: !history.changes.isEmpty || !tipLists.isEmpty,
            .added: added, .hasAdded: !added.isEmpty,
            .changed: changed, .hasChanged: !changed.isEmpty,
            .withdrawn: withdrawn, .hasWithdrawn: !withdrawn.isEmpty,
            .tipLists: tipLists, .hasTipLists: !tipLists.isEmpty,
        ]
    }

    static func render(_ site: SiteUnit, context builder: PageContext, templates: TemplateSet) -> String {
        let history = site.history
        var context = builder.base(
            kind: .changes, title: "What changed in edition \(history.edition ?? "")",
            description: "The rules added, changed and withdrawn since edition \(history.previousEdition ?? "").",
            root: "", currentPath: SiteLayout.changes)
        context[.changes] = values(site, root: "")
        return templates.render(context, template: "changes")
    }

    /// The page and the embed of every withdrawn rule, by path.
    static func withdrawnPages(_ site: SiteUnit, context builder: PageContext, templates: TemplateSet) -> [(path: String, html: String)] {
        let history = site.history
        let ruleIndex = site.ruleIndex()
        var pages: [(path: String, html: String)] = []
        for rule in history.withdrawn {
            let path = SiteLayout.rulePage(rule.id)
            let root = SiteLayout.rootFromPage
            let note = rule.note.map { site.note($0, ruleIndex: ruleIndex) }
            var context = builder.base(
                kind: .withdrawnRule, title: "\(rule.id) \(rule.title) (withdrawn)",
                description: "\(rule.id) was withdrawn in edition \(rule.withdrawnIn).", root: root, currentPath: path)
            var values: TemplateContext = [
                .id: rule.id, .title: rule.title, .withdrawnIn: rule.withdrawnIn, .chapterTitle: rule.chapter.title,
                .wording: rule.wording, .hasWording: !rule.wording.isEmpty,
            ]
            values[.since] = rule.since
            values[.note] = note?.html(root: root)
            values[.chapterURL] = site.chapterURL(rule.chapter.slug, root: root)
            if history.change(of: rule.id) != nil {
                values[.changesURL] = root + SiteLayout.changes + "#" + URLEncoding.fragment(rule.id)
            }
            context[.rule] = values
            pages.append((path, templates.render(context, template: "withdrawn-rule")))

            let embedPath = SiteLayout.embedPage(of: path)
            var embed = builder.base(
                kind: .rule, title: "\(rule.id) \(rule.title) (withdrawn)", description: nil, root: SiteLayout.rootFromEmbed, currentPath: embedPath)
            var noteHTML = "<p class=\"change-mark change-mark-withdrawn\">Withdrawn in edition \(HTML.escape(rule.withdrawnIn))</p>\n"
            if let note { noteHTML += "<p>\(note.html(root: SiteLayout.rootFromPage))</p>\n" }
            embed[.rule] = [
                .id: rule.id, .title: rule.title, .html: noteHTML, .fullURL: SiteLayout.rootFromPage + URLEncoding.path(path),
            ] as TemplateContext
            pages.append((embedPath, templates.render(embed, template: "embed-rule")))
        }
        return pages
    }

    /// "Reworded and moved".
    private static func kindsLabel(_ kinds: [EditionHistory.ChangeKind]) -> String {
        let words = kinds.map(\.rawValue)
        guard let first = words.first else { return "" }
        let sentence = words.count == 1 ? first : words.dropLast().joined(separator: ", ") + " and " + words.last!
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }

    /// Words removed struck through, words inserted underlined; both announced to screen
    /// readers by the stylesheet.
    /// Long stretches kept as they were are shortened to their ends around an ellipsis.
    static func diffHTML(from old: String, to new: String) -> String {
        let runs = WordDiff.runs(from: old, to: new)
        return runs.enumerated().map { position, run in
            switch run.kind {
            case .same: HTML.escape(shortened(run.text, first: position == 0, last: position == runs.count - 1))
            case .removed: "<del>\(HTML.escape(run.text))</del>"
            case .inserted: "<ins>\(HTML.escape(run.text))</ins>"
            }
        }.joined(separator: " ")
    }

    /// Words kept on either side of a change give it its context; more than that is left out.
    private static func shortened(_ text: String, first: Bool, last: Bool) -> String {
        let context = 12
        let words = text.split(separator: " ")
        guard words.count > 2 * context + 4 else { return text }
        let head = first ? [] : words.prefix(context)
        let tail = last ? [] : words.suffix(context)
        return (head + ["…"] + tail).joined(separator: " ")
    }
}
