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
    /// `broken_links: warning`: a draft that builds despite links and anchors with no target,
    /// each reported as a warning and shown as plain text.
    public var brokenLinksAreWarnings = false
    /// `paper`: the paper printed pages are laid out for, when it is not the one of the
    /// language's region (`paperSize`).
    public var paper: PaperSize?
    /// `situations`: entry points by situation for the home page, in the order written.
    var situations: [Situation] = []
    /// `handbook build --draft`: every page says it is a draft.
    public var draft = false
    var previousEditionLocation: SourceLocation?
    /// `rule_id_pattern` and `rule_id_position`: how rule identifiers are spelled and where a
    /// rule heading has its identifier.
    var ruleGrammar: RuleGrammar = .standard
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

    /// The paper printed pages are laid out for.
    public var paperSize: PaperSize {
        paper ?? PaperSize.forLanguage(language)
    }
}
