/// The kinds of callout: GitHub's alert markers (`> [!NOTE]`), which are plain CommonMark, so a
/// callout still reads as a quote wherever the markers mean nothing.
public enum CalloutKind: String, Sendable, Hashable, CaseIterable {
    case note, tip, important, warning, caution

    /// The marker's word, as written (in any case) between `[!` and `]`.
    public var marker: String { rawValue.uppercased() }

    /// The title shown, and read by screen readers, at the top of the callout: the kind is
    /// named in words, never told by colour alone.
    public var title: String {
        switch self {
        case .note: "Note"
        case .tip: "Tip"
        case .important: "Important"
        case .warning: "Warning"
        case .caution: "Caution"
        }
    }

    public init?(marker: String) {
        self.init(rawValue: marker.lowercased())
    }

    /// The HTML that opens the callout. The role and label name it for assistive technology;
    /// the title says it again for readers and screen readers that ignore the role.
    var openingHTML: String {
        "<div class=\"callout callout-\(rawValue)\" role=\"note\" aria-label=\"\(title)\">\n<p class=\"callout-title\">\(title)</p>\n"
    }

    static let closingHTML = "</div>\n"
}
