
/// Characters no source text may hold: the C0 control characters other than tab, line feed and
/// carriage return, and U+FFFE and U+FFFF. XML 1.0 forbids them, so one of them would make an
/// EPUB document ill-formed; in HTML they are parse errors. They come in unseen, with text
/// pasted from PDFs (a form feed between pages) or word processors, so each line that holds
/// one is reported where it is, and the build stops before anything is written.
enum ForbiddenCharacters {
    /// At most this many lines are reported per file; the rest are counted.
    static let reportedLines = 20

    static func problems(in file: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var line = 1
        var column = 1
        var lastReportedLine = 0
        var moreLines = 0
        func report(_ name: String) {
            guard line != lastReportedLine else { return }
            lastReportedLine = line
            guard diagnostics.count < reportedLines else {
                moreLines += 1
                return
            }
            diagnostics.append(.error(
                .textControlCharacter, at: file.location(line: line, column: column),
                "this line holds \(name), which web pages and the EPUB edition cannot contain",
                suggestion: "delete it (such characters often come with text pasted from a PDF)"))
        }
        // Nearly every file has no byte that could start such a character (U+FFFE and U+FFFF
        // start with 0xEF): looking at bytes first is several times faster than at scalars.
        guard file.text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }) else {
            return []
        }
        for scalar in file.text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if !XMLCharacters.isAllowed(scalar) { report(name(of: scalar)) }
            // Columns count bytes, as cmark's do.
            column += UTF8.width(scalar)
        }
        if moreLines > 0 {
            diagnostics.append(.error(
                .textControlCharacter, at: file.location(line: lastReportedLine),
                "\(moreLines) more line\(moreLines == 1 ? "" : "s") of this file hold such characters",
                suggestion: "search the file for control characters and delete them"))
        }
        return diagnostics
    }

    private static func name(of scalar: Unicode.Scalar) -> String {
        let code = "U+" + leftPadded(String(scalar.value, radix: 16, uppercase: true), to: 4)
        switch scalar.value {
        case 0x00: return "a NUL character (\(code))"
        case 0x08: return "a backspace (\(code))"
        case 0x0B: return "a vertical tab (\(code))"
        case 0x0C: return "a form feed (\(code))"
        case 0x1B: return "an escape character (\(code))"
        case 0xFFFE, 0xFFFF: return "the non-character \(code)"
        default: return "the control character \(code)"
        }
    }

    private static func leftPadded(_ text: String, to width: Int) -> String {
        String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
