/// What the resolver needs to know about one Markdown document, collected in one walk of
/// its cmark tree. Ordinals count nodes of one kind in document order, so the renderer can
/// find the same nodes again.
struct DocumentOutline: Sendable {
    struct Heading: Sendable {
        var ordinal: Int
        var level: Int
        /// The heading's text as a reader sees it.
        var text: String
        var location: SourceLocation
        /// The index of the top-level block, or nil for a heading inside a quote or list.
        var block: Int?
        /// Set when this is a rule heading: a top-level heading of level 2 to 4 that starts
        /// with a rule identifier.
        var rule: RuleHeading?
    }

    struct RuleHeading: Sendable {
        var identifier: String
        var title: String
        /// Bytes of the heading's first text node taken by the identifier and the space after it.
        var prefixByteCount: Int
    }

    struct Link: Sendable {
        var ordinal: Int
        var isImage: Bool
        var url: String
        var title: String
        var hasText: Bool
        var location: SourceLocation
        var block: Int
        var tip: Int?
    }

    /// A token in prose shaped like a rule identifier.
    struct IdentifierToken: Sendable {
        var textNode: Int
        /// UTF-8 byte offsets within the text node's literal.
        var range: Range<Int>
        var identifier: String
        var location: SourceLocation
        var block: Int
        var tip: Int?
    }

    struct Block: Sendable {
        enum Kind: Sendable, Equatable {
            case heading(level: Int, heading: Int)
            case list
            /// A block quote that starts "Change note:", which explains a rule's change since the
            /// previous edition: shown with the change, not in the rule's text.
            case changeNote
            case other
        }

        var kind: Kind
        var plainText: String
    }

    /// A top-level list item: in a tip list, one tip.
    struct ListItem: Sendable {
        var block: Int
        /// The text of a leading `**bold**` phrase, which names the tip's anchor.
        var lead: String?
        var plainText: String
        var location: SourceLocation
    }

    /// A `> Change note: ...` block quote: its text without the label.
    struct ChangeNote: Sendable {
        var block: Int
        var text: String
        var location: SourceLocation
    }

    var headings: [Heading] = []
    var links: [Link] = []
    var identifierTokens: [IdentifierToken] = []
    var blocks: [Block] = []
    var listItems: [ListItem] = []
    var changeNotes: [ChangeNote] = []
}
