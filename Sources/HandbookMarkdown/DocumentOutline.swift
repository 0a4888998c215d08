/// What the resolver needs to know about one Markdown document, collected in one walk of
/// its cmark tree. Ordinals count nodes of one kind in document order, so the renderer can
/// find the same nodes again.
public struct DocumentOutline: Sendable {
    public init() {}

    public struct Heading: Sendable {
        public var ordinal: Int
        public var level: Int
        /// The heading's text as a reader sees it.
        public var text: String
        public var location: SourceLocation
        /// The index of the top-level block, or nil for a heading inside a quote or list.
        public var block: Int?
        /// Set when this is a rule heading: a top-level heading of level 2 to 4 that starts
        /// with a rule identifier.
        public var rule: RuleHeading?
        /// Where a rule heading would have its identifier, a word shaped like one that the
        /// grammar does not accept: the heading is a plain one, perhaps by mistake.
        public var refusedIdentifier: String?
        /// `{#name}` written at the end of the heading (see `DocumentOutline+Syntax`).
        public var explicitAnchor: ExplicitAnchor?
    }

    public struct RuleHeading: Sendable {
        public var identifier: String
        public var title: String
        /// Bytes of the heading's first text node taken by the identifier and the space after it.
        public var prefixByteCount: Int
        /// Bytes at the end of the heading's last text taken by the identifier in parentheses
        /// and the space before it, when identifiers stand at the end.
        public var suffixByteCount: Int = 0
    }

    public struct Link: Sendable {
        public var ordinal: Int
        public var isImage: Bool
        public var url: String
        public var title: String
        public var hasText: Bool
        public var location: SourceLocation
        public var block: Int
        public var tip: Int?
    }

    /// A token in prose shaped like a rule identifier.
    public struct IdentifierToken: Sendable {
        public var textNode: Int
        /// UTF-8 byte offsets within the text node's literal.
        public var range: Range<Int>
        public var identifier: String
        public var location: SourceLocation
        public var block: Int
        public var tip: Int?
    }

    public struct Block: Sendable {
        public enum Kind: Sendable, Equatable {
            case heading(level: Int, heading: Int)
            case list
            /// A block quote that starts "Change note:", which explains a rule's change since the
            /// previous edition: shown with the change, not in the rule's text.
            case changeNote
            case other
        }

        public var kind: Kind
        public var plainText: String
    }

    /// A top-level list item: in a tip list, one tip.
    public struct ListItem: Sendable {
        public var block: Int
        /// The text of a leading `**bold**` phrase, which names the tip's anchor.
        public var lead: String?
        public var plainText: String
        public var location: SourceLocation
        /// The identifiers in parentheses that end it, if it ends so.
        public var trailingCitation: TrailingCitation?
    }

    /// A `> Change note: ...` block quote: its text without the label.
    public struct ChangeNote: Sendable {
        public var block: Int
        public var text: String
        public var location: SourceLocation
    }

    public var headings: [Heading] = []
    public var links: [Link] = []
    public var identifierTokens: [IdentifierToken] = []
    public var blocks: [Block] = []
    public var listItems: [ListItem] = []
    public var changeNotes: [ChangeNote] = []
    public var callouts: [Callout] = []
    public var unsupported: [UnsupportedSyntax] = []
}
