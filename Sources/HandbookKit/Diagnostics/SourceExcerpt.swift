import Foundation
import HandbookMarkdown

/// The line a diagnostic points at, with a marker under its place, as swiftc, rustc and clang
/// print them:
///
///     Content/chapters/02-two.md:5:5: error: no rule has the identifier 'FIRST-2'; did you mean FIRST-1?
///         5 | See FIRST-2 for more.
///           |     ^^^^^^^
///
/// The marker underlines the word at the diagnostic's column (an identifier, a key), or is one
/// caret. A long line is shown as a window around the column.
struct SourceExcerpt: Equatable {
    var lineNumber: Int
    /// The shown part of the line, safe for a terminal.
    var text: String
    /// Characters of `text` before the marker, and the marker's width.
    var markerOffset: Int
    var markerWidth: Int
    /// The column just after the marked text, in the diagnostic's own units (bytes of UTF-8
    /// from 1): the end of the range that `--format json` reports.
    var endColumn: Int

    /// At most this many characters of a line are shown.
    static let window = 100

    /// `column` counts bytes of UTF-8 from 1, as cmark's positions do (and YAML's, where what
    /// comes before a position is ASCII in practice).
    init?(line: Substring, number: Int, column: Int) {
        let characters = Array(line.replacingOccurrences(of: "\t", with: " "))
        guard !characters.isEmpty, characters.contains(where: { $0 != " " }) else { return nil }
        var start = 0
        var bytes = 0
        while start < characters.count, bytes < column - 1 {
            bytes += characters[start].utf8.count
            start += 1
        }
        var width = 1
        if start < characters.count, Self.isWord(characters[start]) {
            var end = start
            while end < characters.count, Self.isWord(characters[end]) || characters[end] == "-" || characters[end] == "." {
                end += 1
            }
            // A full stop after a word ends the sentence, not the word.
            while end > start + 1, characters[end - 1] == "." || characters[end - 1] == "-" { end -= 1 }
            width = min(end - start, 60)
        }
        var first = 0
        var last = characters.count
        if characters.count > Self.window {
            first = max(0, min(start - Self.window / 2, characters.count - Self.window))
            last = min(characters.count, first + Self.window)
        }
        let before = (first > 0 ? "…" : "") + TerminalText.escaped(String(characters[first..<start]))
        let marked = TerminalText.escaped(String(characters[start..<min(characters.count, max(start, last))]))
        lineNumber = number
        endColumn = characters[..<min(characters.count, start + width)].reduce(1) { $0 + $1.utf8.count }
        text = before + marked + (last < characters.count ? "…" : "")
        markerOffset = before.count
        markerWidth = max(1, min(width, max(1, marked.count)))
    }

    private static func isWord(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The two lines under the diagnostic's own, indented; in colour with `paint` (the
    /// severity's) when given.
    func lines(paint: String?) -> String {
        let gutter = String(lineNumber)
        let pad = String(repeating: " ", count: gutter.count)
        let marker = String(repeating: " ", count: markerOffset) + "^" + String(repeating: "~", count: markerWidth - 1)
        guard let paint else {
            return "    \(gutter) | \(text)\n    \(pad) | \(marker)\n"
        }
        let blue = "\u{1B}[1;34m", reset = "\u{1B}[0m"
        return "    \(blue)\(gutter) |\(reset) \(text)\n    \(blue)\(pad) |\(reset) \(paint)\(marker)\(reset)\n"
    }
}

/// The source files diagnostics point at, each read once when first needed, as lines. A file
/// that cannot be read (the built-in templates, a file since deleted) or is too large to be a
/// handbook's gives no excerpt.
final class SourceLines {
    private var files: [String: [Substring]?] = [:]

    /// Larger files are not read again just to show a line.
    static let maxBytes = 8 << 20

    func excerpt(_ location: SourceLocation) -> SourceExcerpt? {
        let lines = lines(of: location.file)
        guard let lines, location.line >= 1, location.line <= lines.count else { return nil }
        return SourceExcerpt(line: lines[location.line - 1], number: location.line, column: location.column)
    }

    /// The line as written, at most 500 characters of it.
    func line(_ location: SourceLocation) -> String? {
        guard let lines = lines(of: location.file), location.line >= 1, location.line <= lines.count else { return nil }
        return String(lines[location.line - 1].prefix(500))
    }

    private func lines(of path: String) -> [Substring]? {
        if let known = files[path] { return known }
        var read: [Substring]?
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.size] as? Int ?? .max) <= Self.maxBytes,
            attributes[.type] as? FileAttributeType == .typeRegular,
            let data = FileManager.default.contents(atPath: path)
        {
            read = Self.split(String(decoding: data, as: UTF8.self))
        }
        files[path] = read
        return read
    }

    /// The text's lines, ended by LF, CR LF or CR, found in its UTF-8: a line break always ends
    /// a character, and splitting by characters took an eighth of `check` printing 2,000 errors.
    static func split(_ text: String) -> [Substring] {
        let bytes = text.utf8
        var lines: [Substring] = []
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = bytes.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = bytes.index(after: index)
            if byte == 0x0D, index != bytes.endIndex, bytes[index] == 0x0A { index = bytes.index(after: index) }
            start = index
        }
        lines.append(text[start...])
        return lines
    }
}
