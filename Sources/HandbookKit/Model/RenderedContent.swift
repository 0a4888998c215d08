import Foundation
import Synchronization

/// The rendered content of the handbook, kept for the other editions (print, EPUB, embeds,
/// handbook.json). All of it is written for pages one folder below the site root: every
/// internal link starts with `../` (see `LinkRewriter`).
package struct RenderedContent: Sendable {
    /// Each chapter's body, its rules in blocks of their own.
    var chapters: [String]
    /// Each rule's text without its heading, by identifier.
    var rules: [String: String]
    /// Each tip list's prose and tips, in order.
    var tipLists: [TipListContent]
}
