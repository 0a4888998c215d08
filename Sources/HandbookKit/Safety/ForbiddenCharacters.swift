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
        var bytes = file.text.utf8.makeIterator()
        var pending: [UInt8] = []
        func report(_ name: String) {
            guard line != lastReportedLine else { return }
            lastReportedLine = line
            guard diagnostics.count < reportedLines else {
                moreLines += 1
                return
            }
            diagnostics.append(.error(
                "text.controlCharacter", at: file.location(line: line, column: column),
                "this line holds \(name), which web pages and the EPUB edition cannot contain",
                suggestion: "delete it (such characters often come with text pasted from a PDF)"))
        }
        while let byte = pending.isEmpty ? bytes.next() : pending.removeFirst() {
            switch byte {
            case 0x0A:
                line += 1
                column = 1
                continue
            case 0x09, 0x0D:
                break
            case 0x00..<0x20:
                report(name(of: byte))
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if let second = bytes.next() {
                    pending.append(second)
                    if second == 0xBF, let third = bytes.next() {
                        pending.append(third)
                        if third == 0xBE || third == 0xBF { report(third == 0xBE ? "the non-character U+FFFE" : "the non-character U+FFFF") }
                    }
                }
            default:
                break
            }
            column += 1
        }
        if moreLines > 0 {
            diagnostics.append(.error(
                "text.controlCharacter", at: file.location(line: lastReportedLine),
                "\(moreLines) more line\(moreLines == 1 ? "" : "s") of this file hold such characters",
                suggestion: "search the file for control characters and delete them"))
        }
        return diagnostics
    }

    private static func name(of byte: UInt8) -> String {
        let code = "U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4)
        switch byte {
        case 0x00: return "a NUL character (\(code))"
        case 0x08: return "a backspace (\(code))"
        case 0x0B: return "a vertical tab (\(code))"
        case 0x0C: return "a form feed (\(code))"
        case 0x1B: return "an escape character (\(code))"
        default: return "the control character \(code)"
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
