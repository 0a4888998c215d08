/// A previous edition's record is read like content, since anyone may hand one over: its rule
/// identifiers name the pages of withdrawn rules (`rules/<id>.html`), its slugs name links to
/// chapters and tip lists, and its texts reach every edition, the EPUB's XML among them. So
/// each must have the form this tool writes before anything of the record is used.
enum PreviousRecordCheck {
    /// What is wrong with the record, naming the value, or nil when it may be used.
    /// Identifiers must be of `grammar`, the handbook's: they name its rules' pages.
    static func problem(in record: HandbookIndex, grammar: RuleGrammar = .standard) -> String? {
        func identifier(_ value: String, _ name: String) -> String? {
            guard value.utf8.count <= InputLimits.identifierBytes, grammar.isValid(value) else {
                return "'\(name)' is not a rule identifier"
            }
            return nil
        }
        if let edition = record.edition, let problem = text(edition, "edition", limit: InputLimits.titleCharacters) { return problem }
        for (index, chapter) in record.chapters.enumerated() {
            if let problem = slug(chapter.slug, "chapters[\(index)].slug")
                ?? text(chapter.title, "chapters[\(index)].title", limit: InputLimits.titleCharacters)
            { return problem }
        }
        for (index, rule) in record.rules.enumerated() {
            let at = "rules[\(index)]"
            if let problem = identifier(rule.id, "\(at).id") ?? slug(rule.chapter, "\(at).chapter")
                ?? text(rule.title, "\(at).title", limit: InputLimits.titleCharacters)
                ?? text(rule.text, "\(at).text") ?? rule.wording.flatMap({ text($0, "\(at).wording") })
                ?? rule.edition.flatMap({ text($0, "\(at).edition", limit: InputLimits.titleCharacters) })
                ?? rule.since.flatMap({ text($0, "\(at).since", limit: InputLimits.titleCharacters) })
            { return problem }
        }
        for (index, list) in record.tipLists.enumerated() {
            let at = "tipLists[\(index)]"
            if let problem = slug(list.slug, "\(at).slug") ?? text(list.title, "\(at).title", limit: InputLimits.titleCharacters) {
                return problem
            }
            for (number, tip) in list.tips.enumerated() {
                if let problem = text(tip.text, "\(at).tips[\(number)].text") { return problem }
            }
        }
        for (index, rule) in (record.withdrawn ?? []).enumerated() {
            let at = "withdrawn[\(index)]"
            if let problem = identifier(rule.id, "\(at).id") ?? slug(rule.chapter, "\(at).chapter")
                ?? text(rule.title, "\(at).title", limit: InputLimits.titleCharacters)
                ?? text(rule.chapterTitle, "\(at).chapterTitle", limit: InputLimits.titleCharacters)
                ?? text(rule.wording, "\(at).wording")
                ?? text(rule.withdrawnIn, "\(at).withdrawnIn", limit: InputLimits.titleCharacters)
                ?? rule.since.flatMap({ text($0, "\(at).since", limit: InputLimits.titleCharacters) })
                ?? rule.note.flatMap({ text($0, "\(at).note") })
            { return problem }
        }
        return nil
    }

    private static func slug(_ value: String, _ name: String) -> String? {
        guard value.utf8.count <= InputLimits.slugBytes, ContentInventory.isSlug(value) else {
            return "'\(name)' is not a slug of lower-case letters, digits and hyphens"
        }
        return nil
    }

    private static func text(_ value: String, _ name: String, limit: Int? = nil) -> String? {
        if let limit, value.count > limit { return "'\(name)' is longer than \(limit) characters" }
        let forbidden = value.unicodeScalars.contains { !XMLCharacters.isAllowed($0) }
        return forbidden ? "'\(name)' holds a control character" : nil
    }
}
