/// A part of a page that search finds and links to: a rule, a heading's section, a tip, or
/// the text of a page before its first heading.
struct SearchSection: Sendable, Equatable {
    var page: Int
    /// From the site root: `chapters/x.html#CONF-1`, `tips/x.html#anchor`.
    var url: String
    /// The rule's identifier, for a rule's section.
    var rule: String?
    var title: String
    /// The section this one sits under (the heading above it), by index; nil under the page.
    var parent: Int?
    var body: String
}
