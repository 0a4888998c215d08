/// A changed rule's mark, on its page, its embed and under its heading in its chapter: what it
/// says, its kind (new, changed, moved), and the change note. It links to the rule's entry on the
/// changes page.
struct ChangeMark: Hashable, Sendable {
    var identifier: String
    var label: String
    var kind: String
    var note: LinkedNote?

    /// Nil when the rule did not change, or the build does not compare editions.
    init?(_ identifier: String, handbook: ResolvedHandbook) {
        let history = handbook.history
        guard let edition = history.edition, let change = history.change(of: identifier) else { return nil }
        self.identifier = identifier
        label = EditionHistory.markLabel(change, edition: edition)
        kind = change.has(.added) ? "new" : change.has(.reworded) || change.has(.retitled) ? "changed" : "moved"
        note = change.note.map { LinkedNote($0, handbook: handbook) }
    }

    /// The marks of the rules among `identifiers` that changed, by identifier.
    static func marks(of identifiers: some Sequence<String>, handbook: ResolvedHandbook) -> [String: ChangeMark] {
        var marks: [String: ChangeMark] = [:]
        for identifier in identifiers {
            marks[identifier] = ChangeMark(identifier, handbook: handbook)
        }
        return marks
    }

    func url(root: String) -> String {
        root + SiteLayout.changes + "#" + URLEncoding.fragment(identifier)
    }

    /// `label`, `url`, `kind`, and `note` (HTML) when there is one.
    func context(root: String) -> TemplateContext {
        var values: TemplateContext = [.label: label, .url: url(root: root), .kind: kind]
        values[.note] = note?.html(root: root)
        return values
    }

    /// The mark under the rule's heading in its chapter's page.
    var chapterHTML: String {
        "<p class=\"change-mark change-mark-\(kind)\"><a href=\"\(HTML.escape(url(root: SiteLayout.rootFromPage)))\">\(HTML.escape(label))</a></p>\n"
    }
}
