/// Reading a page's front matter.
extension PageFrontMatter {
    static let keys = ["title", "summary", "updated", "changes", "extra", "id", "anchors"]

    /// Reads the front matter of `file`, returning the body (with the file's line numbering).
    static func read(_ file: SourceFile, grammar: RuleGrammar = .standard) -> (PageFrontMatter?, body: String, [Diagnostic]) {
        let split: FrontMatterSplit
        do {
            split = try FrontMatter.split(file.text)
        } catch {
            return (nil, "", [.error(
                .frontMatterUnterminated, at: file.location(),
                "the front matter that starts here has no closing `---` line",
                suggestion: "add a line with `---` after the last key")])
        }
        guard let yaml = split.yaml else {
            return (nil, split.body, [.error(
                .frontMatterMissing, at: file.location(),
                "missing front matter",
                suggestion: "start the file with `---`, a line `title: ...`, and `---`")])
        }
        var (mapping, diagnostics) = YAMLMapping.parse(
            yaml, file: file.displayPath, firstLine: split.yamlFirstLine, allowedKeys: keys, required: ["title"],
            mappingKeys: ["changes", "anchors"], fieldKeys: ["extra"])
        if mapping.entries.isEmpty && diagnostics.isEmpty {
            diagnostics.append(.error(
                .configMissingKey, at: file.location(), "missing required key 'title'",
                suggestion: "add a line `title: ...` to the front matter"))
        }
        if let updated = mapping.entries["updated"], !CalendarDate.isValid(updated.value) {
            diagnostics.append(.error(
                .frontMatterDate, at: updated.location, "'\(Quoted.text(updated.value))' is not a date in the form YYYY-MM-DD",
                suggestion: "write the date as, for example, 2026-11-21"))
        }
        guard let title = mapping["title"], !title.isEmpty else { return (nil, split.body, diagnostics) }
        if let entry = mapping.entries["title"], let problem = TitleLength.problem(title, what: "title", at: entry.location) {
            diagnostics.append(problem)
        }
        var notes: [String: NoteText] = [:]
        for (identifier, entry) in mapping.mappings["changes"] ?? [] {
            if !grammar.isValid(identifier) {
                diagnostics.append(.error(
                    .changeNoteKey, at: entry.location, "'\(Quoted.text(identifier))' under 'changes' is not a rule identifier",
                    suggestion: "write one line per rule, as `CONF-2: what changed and why`"))
            } else if entry.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.append(.error(
                    .changeEmptyNote, at: entry.location, "the change note for \(identifier) has no text",
                    suggestion: "write what changed and why, or remove the line"))
            } else {
                notes[identifier] = NoteText(text: RuleWording.normalise(entry.value), location: entry.location)
            }
        }
        var matter = PageFrontMatter(
            title: title, summary: mapping["summary"].nonEmpty,
            updated: CalendarDate.isValid(mapping["updated"] ?? "") ? mapping["updated"] : nil)
        matter.changeNotes = notes
        matter.extra = mapping.fields["extra"] ?? []
        if let entry = mapping.entries["id"] {
            if grammar.isValid(entry.value) {
                matter.ruleIdentifier = entry.value
                matter.ruleIdentifierLocation = entry.location
            } else {
                diagnostics.append(.error(
                    .ruleChapterId, at: entry.location,
                    "'\(Quoted.text(entry.value))' is not a rule identifier of this handbook, so the chapter cannot be a rule",
                    suggestion: "write the identifier as rule_id_pattern in handbook.yml describes it, or change the pattern"))
            }
        }
        matter.anchorAliases = (mapping.mappings["anchors"] ?? []).map { name, entry in
            PageFrontMatter.Alias(name: name, target: entry.value, location: entry.location)
        }
        return (matter, split.body, diagnostics)
    }
}
