/// The start of a text, as a page's meta description and a rule's preview show it: its first
/// sentence, at most 200 characters.
enum FirstSentence {
    /// Read as UTF-8 bytes: every rule's preview is made on each rebuild of the preview, and
    /// searching the text as characters cost more than the rest of a small rebuild.
    static func of(_ text: String) -> String {
        let newline = UInt8(ascii: "\n")
        let utf8 = text.utf8
        // The first line that is not empty, without splitting the whole text into lines.
        let start = utf8.firstIndex { $0 != newline } ?? utf8.endIndex
        let end = utf8[start...].firstIndex(of: newline) ?? utf8.endIndex
        var cursor = start
        while let dot = utf8[cursor..<end].firstIndex(of: UInt8(ascii: ".")) {
            let next = utf8.index(after: dot)
            if next < end, utf8[next] == UInt8(ascii: " ") {
                return String(Substring(utf8[start..<dot])) + "."
            }
            cursor = next
        }
        let line = Substring(utf8[start..<end])
        // At most one character per byte: a line of 200 bytes or fewer is short enough.
        guard utf8.distance(from: start, to: end) > 200, line.count > 200 else { return String(line) }
        return String(line.prefix(199)) + "…"
    }
}
