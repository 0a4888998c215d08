import HandbookMarkdown

/// Titles are bounded (`InputLimits.titleCharacters`): a title runs into page titles, file names
/// derived from it, navigation on every page and diagnostics, and a longer one is almost
/// always text that lost its line break.
enum TitleLength {
    static func problem(_ title: String, what: String, at location: SourceLocation) -> Diagnostic? {
        let count = title.count
        guard count > InputLimits.titleCharacters else { return nil }
        return .error(
            .textTitleLength, at: location,
            "this \(what) has \(count) characters, over the limit of \(InputLimits.titleCharacters): '\(Quoted.text(title))'",
            suggestion: "shorten it; the rest belongs in the summary or the text")
    }
}
