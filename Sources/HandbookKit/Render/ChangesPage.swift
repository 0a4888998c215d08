/// What readers see of the changes since the previous edition: `changes.html`, a mark on each
/// changed rule, and a page for each withdrawn rule at the address the rule had, so that links
/// to it from intranets and citations still lead somewhere.
enum ChangesPage {
    /// The values of `partials/changes` for a page `root` below the site root.
    static func values(_ handbook: ResolvedHandbook, root: String) -> [String: Any] {
        let history = handbook.history
        let builder = PageContext(handbook: handbook)
        var added: [[String: Any]] = []
        var changed: [[String: Any]] = []
        var withdrawn: [[String: Any]] = []
        var counts: [EditionHistory.ChangeKind: Int] = [:]
        for change in history.changes {
            for kind in change.kinds { counts[kind, default: 0] += 1 }
            var item: [String: Any] = ["id": change.id, "title": change.title, "label": kindsLabel(change.kinds)]
            item["note"] = change.note.map { noteHTML($0, handbook: handbook, root: root) }
            if change.has(.withdrawn) {
                item["url"] = root + URLEncoding.path(SiteLayout.rulePage(change.id))
                item["chapterTitle"] = change.chapter.title
                withdrawn.append(item)
                continue
            }
            if let link = builder.ruleLink(change.id, root: root) {
                item["url"] = link["url"]
                item["contextURL"] = link["contextURL"]
            }
            if let index = handbook.rule(change.id)?.chapter {
                item["chapter"] = builder.chapterSummary(index, root: root)
            }
            if change.has(.added) {
                added.append(item)
                continue
            }
            if let before = change.previousTitle {
                item["retitled"] = ["before": before, "after": change.title]
            }
            if let from = change.previousChapter {
                var moved: [String: Any] = ["fromTitle": from.title]
                moved["fromURL"] = chapterURL(from.slug, handbook: handbook, root: root)
                item["moved"] = moved
            }
            if let before = change.previousWording, let after = change.wording {
                item["diff"] = diffHTML(from: before, to: after)
            }
            changed.append(item)
        }
        let tipLists = history.tipLists.map { list -> [String: Any] in
            var item: [String: Any] = [
                "title": list.title,
                "added": list.tipsAdded, "hasAdded": !list.tipsAdded.isEmpty,
                "removed": list.tipsRemoved, "hasRemoved": !list.tipsRemoved.isEmpty,
                "reworded": list.tipsReworded.map { ["diff": diffHTML(from: $0.before, to: $0.after)] },
                "hasReworded": !list.tipsReworded.isEmpty,
            ]
            if let page = handbook.tipLists.first(where: { $0.page.slug == list.slug })?.page {
                item["url"] = root + URLEncoding.path(page.outputPath)
            }
            switch list.kind {
            case .added: item["status"] = "New tip list"
            case .removed: item["status"] = "Tip list removed"
            case .changed:
                item["status"] = [
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
            "edition": history.edition ?? "", "previousEdition": history.previousEdition ?? "",
            "summary": summary.isEmpty ? "Nothing changed." : summary.joined(separator: ", ") + ".",
            "hasChanges": !history.changes.isEmpty || !tipLists.isEmpty,
            "added": added, "hasAdded": !added.isEmpty,
            "changed": changed, "hasChanged": !changed.isEmpty,
            "withdrawn": withdrawn, "hasWithdrawn": !withdrawn.isEmpty,
            "tipLists": tipLists, "hasTipLists": !tipLists.isEmpty,
        ]
    }

    static func render(_ handbook: ResolvedHandbook, templates: TemplateSet) -> String {
        let history = handbook.history
        var context = PageContext(handbook: handbook).base(
            kind: "changes", title: "What changed in edition \(history.edition ?? "")",
            description: "The rules added, changed and withdrawn since edition \(history.previousEdition ?? "").",
            root: "", currentPath: SiteLayout.changes)
        context["changes"] = values(handbook, root: "")
        return templates.render(context, template: "changes")
    }

    /// The page and the embed of every withdrawn rule, by path.
    static func withdrawnPages(_ handbook: ResolvedHandbook, templates: TemplateSet) -> [(path: String, html: String)] {
        let builder = PageContext(handbook: handbook)
        let history = handbook.history
        var pages: [(path: String, html: String)] = []
        for rule in history.withdrawn {
            let path = SiteLayout.rulePage(rule.id)
            let root = SiteLayout.rootFromPage
            var context = builder.base(
                kind: "withdrawnRule", title: "\(rule.id) \(rule.title) (withdrawn)",
                description: "\(rule.id) was withdrawn in edition \(rule.withdrawnIn).", root: root, currentPath: path)
            var values: [String: Any] = [
                "id": rule.id, "title": rule.title, "withdrawnIn": rule.withdrawnIn, "chapterTitle": rule.chapter.title,
                "wording": rule.wording, "hasWording": !rule.wording.isEmpty,
            ]
            values["since"] = rule.since
            values["note"] = rule.note.map { noteHTML($0, handbook: handbook, root: root) }
            values["chapterURL"] = chapterURL(rule.chapter.slug, handbook: handbook, root: root)
            if history.change(of: rule.id) != nil {
                values["changesURL"] = root + SiteLayout.changes + "#" + URLEncoding.fragment(rule.id)
            }
            context["rule"] = values
            pages.append((path, templates.render(context, template: "withdrawn-rule")))

            let embedPath = SiteLayout.embedPage(of: path)
            var embed = builder.base(
                kind: "rule", title: "\(rule.id) \(rule.title) (withdrawn)", description: nil, root: SiteLayout.rootFromEmbed, currentPath: embedPath)
            var note = "<p class=\"change-mark change-mark-withdrawn\">Withdrawn in edition \(HTML.escape(rule.withdrawnIn))</p>\n"
            if let text = rule.note { note += "<p>\(noteHTML(text, handbook: handbook, root: SiteLayout.rootFromPage))</p>\n" }
            embed["rule"] = [
                "id": rule.id, "title": rule.title, "html": note, "fullURL": SiteLayout.rootFromPage + URLEncoding.path(path),
            ] as [String: Any]
            pages.append((embedPath, templates.render(embed, template: "embed-rule")))
        }
        return pages
    }

    /// A changed rule's mark: what it says, where it links (the rule's entry on the changes
    /// page), and its kind (new, changed, moved).
    private struct Mark {
        var label: String
        var url: String
        var kind: String
        var change: EditionHistory.RuleChange

        init?(_ identifier: String, handbook: ResolvedHandbook, root: String) {
            let history = handbook.history
            guard let edition = history.edition, let change = history.change(of: identifier) else { return nil }
            label = EditionHistory.markLabel(change, edition: edition)
            url = root + SiteLayout.changes + "#" + URLEncoding.fragment(identifier)
            kind = change.has(.added) ? "new" : change.has(.reworded) || change.has(.retitled) ? "changed" : "moved"
            self.change = change
        }
    }

    /// A changed rule's mark, for templates: `label`, `url`, `kind` and `note`; nil when the
    /// rule did not change.
    static func mark(for identifier: String, handbook: ResolvedHandbook, root: String) -> [String: Any]? {
        guard let mark = Mark(identifier, handbook: handbook, root: root) else { return nil }
        var values: [String: Any] = ["label": mark.label, "url": mark.url, "kind": mark.kind]
        values["note"] = mark.change.note.map { noteHTML($0, handbook: handbook, root: root) }
        return values
    }

    /// The marks in a chapter's body, under each changed rule's heading, by identifier.
    static func chapterMarks(_ rules: [Rule], handbook: ResolvedHandbook) -> [String: String] {
        var marks: [String: String] = [:]
        for rule in rules {
            guard let mark = Mark(rule.identifier, handbook: handbook, root: SiteLayout.rootFromPage) else { continue }
            marks[rule.identifier] = "<p class=\"change-mark change-mark-\(mark.kind)\"><a href=\"\(HTML.escape(mark.url))\">\(HTML.escape(mark.label))</a></p>\n"
        }
        return marks
    }

    /// A chapter's page by its slug, if this edition has it.
    private static func chapterURL(_ slug: String, handbook: ResolvedHandbook, root: String) -> String? {
        handbook.chapters.first { $0.page.slug == slug }.map { root + URLEncoding.path($0.page.outputPath) }
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

    /// A change note as HTML: its text escaped, rule identifiers linked to their pages (the
    /// page of a withdrawn rule too).
    static func noteHTML(_ text: String, handbook: ResolvedHandbook, root: String) -> String {
        let bytes = Array(text.utf8)
        var html = ""
        var position = 0
        for token in RuleIdentifier.tokens(in: text) {
            guard handbook.ruleIndex[token.identifier] != nil || handbook.history.withdrawnRule(token.identifier) != nil else { continue }
            html += HTML.escape(String(decoding: bytes[position..<token.range.lowerBound], as: UTF8.self))
            let url = root + URLEncoding.path(SiteLayout.rulePage(token.identifier))
            html += RuleReferenceMarkup.html(token.identifier, url: url)
            position = token.range.upperBound
        }
        return html + HTML.escape(String(decoding: bytes[position...], as: UTF8.self))
    }
}
