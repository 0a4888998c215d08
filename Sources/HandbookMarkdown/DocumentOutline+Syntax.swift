/// What the outline notes beyond headings, links and identifiers: explicit anchors, callouts,
/// and the constructs of other Markdown dialects that cmark leaves as text or drops.
extension DocumentOutline {
    /// `{#name}` at the end of a heading, removed from its text wherever the heading is shown.
    public struct ExplicitAnchor: Sendable, Hashable {
        /// What stands between `{#` and `}`, not yet checked.
        public var name: String
        /// Where `{#` is.
        public var location: SourceLocation
    }

    /// A block quote that starts with `[!WORD]`.
    public struct Callout: Sendable, Hashable {
        /// The word between `[!` and `]`, as written.
        public var marker: String
        /// Nil when the word names no kind: the quote stays a quote.
        public var kind: CalloutKind?
        /// GitHub's rule: the marker stands alone on the quote's first line. When it does not,
        /// the quote stays a quote.
        public var aloneOnLine: Bool
        public var location: SourceLocation
    }

    /// A construct of another Markdown dialect: cmark (CommonMark, no extensions) shows it as
    /// literal text, or, for raw HTML when it is not allowed, leaves it out.
    public struct UnsupportedSyntax: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case pipeTable, footnote, taskListItem, strikethrough, definitionList
            /// `<a name=…>` or `<a id=…>`, dropped.
            case htmlAnchor
            /// `<img …>`, dropped.
            case htmlImage
            /// Any other raw HTML, dropped.
            case html
        }

        public var kind: Kind
        public var location: SourceLocation
    }
}
