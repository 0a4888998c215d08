/// Author text as a diagnostic quotes it: at most `characterLimit` characters,
/// so a huge title or key never floods the terminal, with control characters made visible.
enum Quoted {
    static let characterLimit = 80

    static func text(_ text: String, limit: Int = characterLimit) -> String {
        var shown = Substring(text)
        var cut = false
        if text.unicodeScalars.count > limit {
            shown = Substring(String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))))
            cut = true
        }
        return TerminalText.escaped(String(shown)) + (cut ? "…" : "")
    }
}
