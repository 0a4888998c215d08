import Foundation

/// Compares the handbook with the record of its previous edition (that edition's
/// handbook.json), rule by rule and tip list by tip list, and checks the change notes.
enum EditionComparison {
    /// Without a previous edition, every rule dates from this edition.
    static func history(of handbook: ResolvedHandbook) -> EditionHistory {
        var history = EditionHistory(edition: handbook.config.edition)
        for rule in handbook.rules {
            history.rules[rule.identifier] = .init(
                textHash: rule.textHash, edition: handbook.config.edition, since: handbook.config.edition)
        }
        return history
    }

    static func compare(_ handbook: ResolvedHandbook, with previous: HandbookIndex, edition: String, previousEdition: String)
        -> (EditionHistory, [Diagnostic])
    {
        var history = EditionHistory(edition: edition, previousEdition: previousEdition)
        let chapters = handbook.chapters.map { EditionHistory.ChapterReference(slug: $0.page.slug, title: $0.page.frontMatter.title) }
        let previousChapters = Dictionary(previous.chapters.map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        func previousChapter(_ slug: String) -> EditionHistory.ChapterReference {
            .init(slug: slug, title: previousChapters[slug] ?? slug)
        }
        let previousRules = Dictionary(previous.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        for rule in handbook.rules {
            let chapter = chapters[rule.chapter]
            guard let old = previousRules[rule.identifier] else {
                history.rules[rule.identifier] = .init(textHash: rule.textHash, edition: edition, since: edition)
                history.changes.append(.init(id: rule.identifier, kinds: [.added], title: rule.title, chapter: chapter))
                continue
            }
            let oldWording = old.wording ?? RuleWording.normalise(old.text)
            var change = EditionHistory.RuleChange(id: rule.identifier, kinds: [], title: rule.title, chapter: chapter)
            if RuleWording.normalise(old.title) != RuleWording.normalise(rule.title) {
                change.kinds.append(.retitled)
                change.previousTitle = old.title
            }
            if oldWording != rule.wording {
                change.kinds.append(.reworded)
                change.previousWording = oldWording
                change.wording = rule.wording
            }
            if old.chapter != chapter.slug {
                change.kinds.append(.moved)
                change.previousChapter = previousChapter(old.chapter)
            }
            let since = old.since ?? old.edition ?? previousEdition
            let reworded = change.has(.retitled) || change.has(.reworded)
            history.rules[rule.identifier] = .init(
                textHash: rule.textHash, edition: reworded ? edition : (old.edition ?? previousEdition), since: since)
            if !change.kinds.isEmpty { history.changes.append(change) }
        }

        // Withdrawn now, and withdrawn in earlier editions (their pages stay).
        var withdrawn: [EditionHistory.WithdrawnRule] = []
        for old in previous.rules where handbook.ruleIndex[old.id] == nil {
            let rule = EditionHistory.WithdrawnRule(
                id: old.id, title: old.title, chapter: previousChapter(old.chapter),
                wording: old.wording ?? RuleWording.normalise(old.text), withdrawnIn: edition,
                since: old.since ?? old.edition ?? previousEdition)
            withdrawn.append(rule)
            history.changes.append(.init(id: old.id, kinds: [.withdrawn], title: old.title, chapter: rule.chapter))
        }
        for old in previous.withdrawn ?? [] where handbook.ruleIndex[old.id] == nil && previousRules[old.id] == nil {
            withdrawn.append(.init(
                id: old.id, title: old.title, chapter: .init(slug: old.chapter, title: old.chapterTitle),
                wording: old.wording, withdrawnIn: old.withdrawnIn, since: old.since, note: old.note))
        }
        history.withdrawn = withdrawn.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        history.tipLists = compareTipLists(handbook, with: previous)
        for (position, change) in history.changes.enumerated() { history.changeIndex[change.id] = position }
        for (position, rule) in history.withdrawn.enumerated() where history.withdrawnIndex[rule.id] == nil {
            history.withdrawnIndex[rule.id] = position
        }
        let diagnostics = attachNotes(handbook, to: &history)
        return (history, diagnostics)
    }

    private static func compareTipLists(_ handbook: ResolvedHandbook, with previous: HandbookIndex) -> [EditionHistory.TipListChange] {
        var changes: [EditionHistory.TipListChange] = []
        let previousLists = Dictionary(previous.tipLists.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for list in handbook.tipLists {
            let page = list.page
            let tips = page.outline.listItems.map { RuleWording.normalise($0.plainText) }
            guard let old = previousLists[page.slug] else {
                changes.append(.init(slug: page.slug, title: page.frontMatter.title, kind: .added, tipsAdded: tips))
                continue
            }
            var change = EditionHistory.TipListChange(slug: page.slug, title: page.frontMatter.title, kind: .changed)
            // A stretch of tips removed and inserted together pairs up as tips reworded.
            var removed: [String] = []
            var inserted: [String] = []
            func closeStretch() {
                let paired = min(removed.count, inserted.count)
                change.tipsReworded += (0..<paired).map { .init(before: removed[$0], after: inserted[$0]) }
                change.tipsRemoved += removed.dropFirst(paired)
                change.tipsAdded += inserted.dropFirst(paired)
                removed = []
                inserted = []
            }
            for (kind, tip) in WordDiff.script(from: old.tips.map { RuleWording.normalise($0.text) }, to: tips) {
                switch kind {
                case .removed: removed.append(tip)
                case .inserted: inserted.append(tip)
                case .same: closeStretch()
                }
            }
            closeStretch()
            if !(change.tipsAdded.isEmpty && change.tipsRemoved.isEmpty && change.tipsReworded.isEmpty) {
                changes.append(change)
            }
        }
        let current = Set(handbook.tipLists.map(\.page.slug))
        for old in previous.tipLists where !current.contains(old.slug) {
            changes.append(.init(
                slug: old.slug, title: old.title, kind: .removed, tipsRemoved: old.tips.map { RuleWording.normalise($0.text) }))
        }
        return changes
    }

    /// Puts each change note with its change: notes in a rule's text, and notes in a chapter's
    /// front matter for its rules or for rules withdrawn from it.
    private static func attachNotes(_ handbook: ResolvedHandbook, to history: inout EditionHistory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let edition = history.previousEdition ?? ""
        // "Did you mean" for a note naming no rule: among the rules of its chapter, then those
        // withdrawn in this edition, each set searched through its own index.
        var chapterSuggestions: [Int: SuggestionIndex] = [:]
        var withdrawnSuggestions: SuggestionIndex?
        func attach(_ note: NoteText, to identifier: String) {
            guard let position = history.changeIndex[identifier] else {
                diagnostics.append(.warning(
                    .changeNoteUnchanged, at: note.location,
                    "\(identifier) has not changed since edition \(edition), so its change note is not shown",
                    suggestion: "remove the note, or keep it until the rule changes"))
                return
            }
            history.changes[position].note = note.text
        }
        for rule in handbook.rules {
            if let note = rule.changeNote { attach(note, to: rule.identifier) }
        }
        for (chapterIndex, chapter) in handbook.chapters.enumerated() {
            for (identifier, note) in chapter.page.frontMatter.changeNotes.sorted(by: { $0.key < $1.key }) {
                if let rule = handbook.rule(identifier) {
                    if rule.chapter != chapterIndex {
                        diagnostics.append(.error(
                            .changeNoteElsewhere, at: note.location,
                            "\(identifier) is a rule of \(handbook.chapters[rule.chapter].page.displayPath), not of this chapter",
                            suggestion: "put its change note in that chapter"))
                    } else if let other = rule.changeNote {
                        diagnostics.append(.error(
                            .changeNoteTwice, at: note.location,
                            "\(identifier) already has a change note, at \(other.location.description)",
                            suggestion: "keep one change note per rule"))
                    } else {
                        attach(note, to: identifier)
                    }
                } else if let position = history.changeIndex[identifier], history.changes[position].has(.withdrawn) {
                    history.changes[position].note = note.text
                    if let index = history.withdrawnIndex[identifier] {
                        history.withdrawn[index].note = note.text
                    }
                } else if let earlier = history.withdrawnRule(identifier) {
                    diagnostics.append(.warning(
                        .changeNoteUnchanged, at: note.location,
                        "\(identifier) was withdrawn in edition \(earlier.withdrawnIn), not in this one, so its change note is not shown",
                        suggestion: "remove the note"))
                } else {
                    if chapterSuggestions[chapterIndex] == nil {
                        chapterSuggestions[chapterIndex] = SuggestionIndex(handbook.rulesByChapter[chapterIndex].map { handbook.rules[$0].identifier })
                    }
                    if withdrawnSuggestions == nil {
                        withdrawnSuggestions = SuggestionIndex(history.changes.filter { $0.has(.withdrawn) }.map(\.id))
                    }
                    let close = SuggestionIndex.closer(
                        chapterSuggestions[chapterIndex]?.match(for: identifier), withdrawnSuggestions?.match(for: identifier))?.candidate
                    diagnostics.append(.error(
                        .changeNoteUnknown, at: note.location,
                        "\(identifier) is neither a rule of this chapter nor a rule withdrawn since edition \(edition)",
                        suggestion: close.map { "did you mean \($0)?" } ?? "name a rule of this chapter, or one this edition withdraws"))
                }
            }
        }
        return diagnostics
    }
}
