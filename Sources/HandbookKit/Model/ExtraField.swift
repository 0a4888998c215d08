/// A value of a page's `extra:` front matter: an organisation's own fields, which the tool does
/// not read and passes to templates as written (`{{extra.owner}}`, `{{#extra.reviewers}}`).
enum ExtraField: Sendable, Hashable {
    case text(String)
    case list([ExtraField])
    /// Entries in the order written.
    case map([ExtraEntry])
}

/// One `key: value` of an `extra:` mapping.
struct ExtraEntry: Sendable, Hashable {
    var key: String
    var value: ExtraField
}
