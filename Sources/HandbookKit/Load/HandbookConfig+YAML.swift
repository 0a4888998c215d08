import Foundation
import HandbookMarkdown

/// Reading the settings from handbook.yml.
extension HandbookConfig {
    static let keys = [
        "title", "subtitle", "organisation", "edition", "language", "description", "allow_raw_html",
        "allow_active_media", "search_index_budget", "base_url", "previous_edition", "broken_links",
        "rule_id_pattern", "rule_id_position", "paper", "situations",
    ]

    /// The settings from handbook.yml as read, or why it could not be read.
    static func parse(_ read: Result<SourceFile, Diagnostic>) -> (HandbookConfig?, [Diagnostic]) {
        switch read {
        case .success(let file): parse(file)
        case .failure(let problem): (nil, [problem])
        }
    }

    static func parse(_ file: SourceFile) -> (HandbookConfig?, [Diagnostic]) {
        var (mapping, diagnostics) = YAMLMapping.parse(
            file.text, file: file.displayPath, firstLine: 1, allowedKeys: keys, required: ["title"],
            mappingKeys: ["situations"])
        diagnostics += ForbiddenCharacters.problems(in: file)
        for key in ["title", "subtitle", "organisation", "edition"] {
            guard let entry = mapping.entries[key] else { continue }
            if let problem = TitleLength.problem(entry.value, what: key, at: entry.location) { diagnostics.append(problem) }
        }
        guard let title = mapping["title"], !title.isEmpty else { return (nil, diagnostics) }

        var config = HandbookConfig(title: title)
        config.subtitle = mapping["subtitle"].nonEmpty
        config.organisation = mapping["organisation"].nonEmpty
        config.edition = mapping["edition"].nonEmpty
        config.editionLocation = mapping.entries["edition"]?.location ?? SourceLocation(file: file.displayPath)
        config.description = mapping["description"].nonEmpty
        if let entry = mapping.entries["language"] {
            if LanguageTag.isWellFormed(entry.value) {
                config.language = entry.value
            } else {
                diagnostics.append(.error(
                    .configLanguage, at: entry.location, "'\(Quoted.text(entry.value))' is not a BCP 47 language tag",
                    suggestion: "use a tag such as en, en-GB or fr-CA"))
            }
        }
        if let entry = mapping.entries["paper"] {
            if let paper = PaperSize(rawValue: entry.value.lowercased()) {
                config.paper = paper
            } else {
                diagnostics.append(.error(
                    .configType, at: entry.location, "'paper' must be a4 or letter",
                    suggestion: "leave it out to use the paper of the language's region: letter for the US and Canada, A4 elsewhere"))
            }
        }
        for (key, flag) in [("allow_raw_html", \HandbookConfig.allowRawHTML), ("allow_active_media", \HandbookConfig.allowActiveMedia)] {
            guard let entry = mapping.entries[key] else { continue }
            switch entry.value {
            case "true": config[keyPath: flag] = true
            case "false": config[keyPath: flag] = false
            default:
                diagnostics.append(.error(
                    .configType, at: entry.location, "'\(key)' must be true or false"))
            }
        }
        if let entry = mapping.entries["search_index_budget"] {
            if let ratio = Double(entry.value), ratio > 0 {
                config.searchIndexBudget = ratio
            } else {
                diagnostics.append(.error(
                    .configType, at: entry.location, "'search_index_budget' must be a positive number",
                    suggestion: "write a ratio to the handbook's plain text, such as 1.0"))
            }
        }
        if let entry = mapping.entries["base_url"] {
            if let url = BaseURL.normalise(entry.value) {
                config.baseURL = url
            } else {
                diagnostics.append(.error(
                    .configBaseURL, at: entry.location,
                    "'\(Quoted.text(entry.value))' is not an http or https address of the form https://host/path/",
                    suggestion: "write the address where the site is published, such as https://example.org/handbook/"))
            }
        }
        if let entry = mapping.entries["broken_links"] {
            switch entry.value {
            case "error": config.brokenLinksAreWarnings = false
            case "warning": config.brokenLinksAreWarnings = true
            default:
                diagnostics.append(.error(
                    .configType, at: entry.location, "'broken_links' must be error or warning",
                    suggestion: "write `broken_links: warning` to build a draft with broken links, or leave it out"))
            }
        }
        if let entry = mapping.entries["previous_edition"], !entry.value.isEmpty {
            config.previousEdition = entry.value
            config.previousEditionLocation = entry.location
        }
        if let entry = mapping.entries["rule_id_pattern"] {
            switch RuleIdentifierPattern.compile(entry.value) {
            case .success(let pattern):
                let ordinary = OrdinaryWords.matched(by: pattern)
                if ordinary.isEmpty {
                    config.ruleGrammar.pattern = pattern
                } else {
                    diagnostics.append(.error(
                        .configRulePatternBroad, at: entry.location,
                        "rule_id_pattern matches ordinary words or numbers (\(ordinary.prefix(5).map { "'\($0)'" }.joined(separator: ", "))), so prose would be full of false identifiers",
                        suggestion: "make the pattern stricter, such as with a fixed prefix and a number: [A-Z]+-[0-9]+"))
                }
            case .failure(let problem):
                diagnostics.append(.error(.configRulePattern, at: entry.location, problem.message, suggestion: problem.suggestion))
            }
        }
        if let entry = mapping.entries["rule_id_position"] {
            if let position = RuleGrammar.Position(rawValue: entry.value) {
                config.ruleGrammar.position = position
            } else {
                diagnostics.append(.error(
                    .configType, at: entry.location, "'rule_id_position' must be start or end",
                    suggestion: "write start for `## CONF-2 Title`, or end for `## Title (C-CASE)`"))
            }
        }
        for (text, entry) in mapping.mappings["situations"] ?? [] {
            let situation = Situation.parse(text: text, rules: entry.value, at: entry.location)
            diagnostics += situation.diagnostics
            if let parsed = situation.situation { config.situations.append(parsed) }
        }
        mapping.entries.removeAll()
        return (config, diagnostics)
    }
}
