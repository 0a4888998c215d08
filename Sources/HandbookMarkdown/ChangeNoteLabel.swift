/// The label that makes a block quote a change note: `> Change note: ...`, in any case, the
/// label in bold or not. Plain Markdown, so the note reads as a quote anywhere else.
public enum ChangeNoteLabel {
    static let label = "change note:"

    /// The note's text, or nil when `text` does not start with the label.
    public static func text(after text: String) -> String? {
        guard text.prefix(label.count).lowercased() == label else { return nil }
        return text.dropFirst(label.count).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
