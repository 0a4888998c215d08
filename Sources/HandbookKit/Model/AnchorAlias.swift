/// An old anchor of a page that still works: links to it are pointed at `target`, and the page
/// carries an empty element with its id beside the target's heading, for links from outside.
struct AnchorAlias: Sendable, Hashable {
    var name: String
    /// An anchor of a heading of the same page (a rule's identifier, say).
    var target: String
}
