import Foundation
import HandbookMarkdown

/// The handbook's settings, from `Content/handbook.yml`.
public struct HandbookConfig: Sendable, Hashable {
    public var title: String
    public var subtitle: String?
    public var organisation: String?
    public var edition: String?
    /// A BCP 47 tag such as `en` or `en-GB`.
    public var language: String
    public var description: String?
    /// Trusted content only: keep raw HTML found in the Markdown.
    public var allowRawHTML: Bool
    /// Trusted media only: publish files of `media/` that browsers run (HTML, SVG, scripts;
    /// see `MediaTypes`), which are otherwise refused.
    public var allowActiveMedia = false
    /// The search index may be this many times the size of the handbook's plain text before
    /// the build warns.
    public var searchIndexBudget: Double = 1.0
    /// Where the site is published (`https://example.org/handbook/`), for canonical links, the
    /// sitemap, oEmbed and absolute links in handbook.json. Without it the site is wholly relative.
    public var baseURL: String?
    /// `previous_edition`: the handbook.json of the edition before this one, relative to the
    /// content folder, to show what changed since.
    public var previousEdition: String?
    var previousEditionLocation: SourceLocation?
    /// Where `edition` is written, or the file's start when it is not.
    var editionLocation: SourceLocation?

    public init(
        title: String, subtitle: String? = nil, organisation: String? = nil, edition: String? = nil,
        language: String = "en", description: String? = nil, allowRawHTML: Bool = false
    ) {
        self.title = title
        self.subtitle = subtitle
        self.organisation = organisation
        self.edition = edition
        self.language = language
        self.description = description
        self.allowRawHTML = allowRawHTML
    }

    static let keys = [
        "title", "subtitle", "organisation", "edition", "language", "description", "allow_raw_html",
        "allow_active_media", "search_index_budget", "base_url", "previous_edition",
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
            file.text, file: file.displayPath, firstLine: 1, allowedKeys: keys, required: ["title"])
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
        if let entry = mapping.entries["previous_edition"], !entry.value.isEmpty {
            config.previousEdition = entry.value
            config.previousEditionLocation = entry.location
        }
        mapping.entries.removeAll()
        return (config, diagnostics)
    }
}
