/// What the renderer changes in a document: link targets, identifiers that become links, and
/// the markup of headings. Keys are the ordinals of `DocumentOutline`.
public struct RenderInstructions: Sendable, Hashable {
    public struct LinkRewrite: Sendable, Hashable {
        /// Markup that stands in for a link: the link's own text inside `markup`, or `text` when
        /// the link has none.
        public struct Replacement: Sendable, Hashable {
            public var markup: InlineMarkup
            public var text: String

            public init(markup: InlineMarkup, text: String) {
                self.markup = markup
                self.text = text
            }
        }

        public var url: String
        public var title: String?
        /// What a link written with no text, `[](rule:CONF-1)`, becomes.
        public var whenEmpty: Replacement?
        /// Set for a link whose target is missing, in a draft (`broken_links: warning`): the link
        /// is replaced whatever its text, so no reader follows it to nothing.
        public var unlinked: Replacement?

        public init(url: String, title: String? = nil, whenEmpty: Replacement? = nil) {
            self.url = url
            self.title = title
            self.whenEmpty = whenEmpty
        }

        /// A link replaced by `replacement`.
        public init(unlinked replacement: Replacement) {
            self.init(url: "")
            unlinked = replacement
        }
    }

    /// An identifier in a text node that becomes a link: the bytes in `range` inside `markup`.
    public struct IdentifierLink: Sendable, Hashable {
        public var range: Range<Int>
        public var markup: InlineMarkup

        public init(range: Range<Int>, markup: InlineMarkup) {
            self.range = range
            self.markup = markup
        }
    }

    public struct HeadingMarkup: Sendable, Hashable {
        public var open: String
        public var close: String
        /// Bytes to drop from the start of the heading's first text (a rule's identifier).
        public var dropPrefixBytes: Int = 0
        /// Bytes to drop from the end of the heading's last text (an identifier at the end).
        public var dropSuffixBytes: Int = 0

        public init(open: String, close: String, dropPrefixBytes: Int = 0, dropSuffixBytes: Int = 0) {
            self.open = open
            self.close = close
            self.dropPrefixBytes = dropPrefixBytes
            self.dropSuffixBytes = dropSuffixBytes
        }
    }

    public var links: [Int: LinkRewrite] = [:]
    public var identifierLinks: [Int: [IdentifierLink]] = [:]
    public var headings: [Int: HeadingMarkup] = [:]
    /// Top-level blocks rendered as nothing: change notes, which are shown with the changes.
    public var hiddenBlocks: Set<Int> = []
    /// Text nodes whose end, from this byte offset, is rendered as nothing, by the node's
    /// ordinal: a tip's closing citation, which the tip list shows below the tip instead
    /// (`TrailingCitation`).
    public var droppedTextEnds: [Int: Int] = [:]

    public init() {}
}
