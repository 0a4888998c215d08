/// The start of a text, as a page's meta description and a rule's preview show it: its first
/// sentence, at most 200 characters.
enum FirstSentence {
    static func of(_ text: String) -> String {
        // The first line that is not empty, without splitting the whole text into lines.
        let rest = text.drop { $0 == "\n" }
        let line = String(rest[..<(rest.firstIndex(of: "\n") ?? rest.endIndex)])
        if let end = line.range(of: ". ") { return String(line[..<end.lowerBound]) + "." }
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }
}
