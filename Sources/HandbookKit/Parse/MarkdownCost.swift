import HandbookMarkdown

/// A look at Markdown before cmark parses it, for the inputs on which Debian's libcmark 0.30.2
/// takes time that grows with the square of their size (measured with the patterns of cmark's
/// own pathological tests and more, at 10 KB to 1 MB):
///
/// - image openers (`![`) left open in one paragraph, times the links closed after them: after
///   each link, 0.30.2 walks back over every open opener. `![[]()` repeated took 0.22 s for
///   100 KB, 2.2 s for 300 KB and 59 s for 1 MB, all in one paragraph; split into paragraphs of
///   500 repeats, the same input is linear.
/// - deep nesting of quotes and lists, times the lines read while it is open: 20 MB of blank
///   lines take 0.5 s at depth 0, 3.6 s at 16, 6.4 s at 32 and 11.7 s at 64.
///
/// So two bounds, found in one linear scan: in each run of non-blank lines (a paragraph, or
/// less: a run never splits one), the number of `![` times the number of `[` is at most
/// `bracketProduct`; and no line opens more than `nestingDepth` quotes and list items. At both
/// limits, 20 MB of the worst input parse in about 2.4 s and 6.4 s. The most found in 1,398 real
/// Markdown files was a product of 72 and a depth of 6 in prose (15 in a test file), so no real
/// guidance comes near. What is over a bound is reported where it starts and left out of the
/// parse, so the rest of the page (its rules above all) is still read and checked.
enum MarkdownCost {
    static let bracketProduct = 250_000
    static let nestingDepth = 32
    /// Places reported per file; the rest are counted.
    static let reported = 20

    /// The problems, and the Markdown with each offending run or line emptied (its line breaks
    /// kept, so that positions stay those of the file).
    static func check(_ markdown: String, file: String) -> (markdown: String, problems: [Diagnostic]) {
        var text = markdown
        let lines = text.withUTF8 { Self.lines(in: $0) }
        var problems: [Diagnostic] = []
        var emptied: [Range<Int>] = []

        var runStart: Int?
        var runEnd = 0
        var images = 0
        var brackets = 0
        var runReported = false
        var afterHeading = false
        var fence: (byte: UInt8, count: Int)?
        // A run over the bound is emptied whole, once it has ended.
        func endRun() {
            if runReported, let start = runStart { emptied.append(lines[start].lowerBound..<runEnd) }
            runStart = nil
            runReported = false
        }
        text.withUTF8 { bytes in
            for (number, line) in lines.enumerated() {
                let content = bytes[line]
                if let open = fence {
                    if Self.closesFence(content, open) { fence = nil }
                    continue
                }
                if let opened = Self.opensFence(content) {
                    fence = opened
                    endRun()
                    continue
                }
                if Self.isBlank(content) {
                    endRun()
                    continue
                }
                let heading = Self.isHeading(content)
                if runStart == nil || afterHeading || heading || Self.startsListItem(content) {
                    endRun()
                    runStart = number
                    images = 0
                    brackets = 0
                }
                runEnd = line.upperBound
                afterHeading = heading
                var previous: UInt8 = 0
                for byte in content {
                    if byte == UInt8(ascii: "[") {
                        brackets += 1
                        if previous == UInt8(ascii: "!") { images += 1 }
                    }
                    previous = byte
                }
                if images * brackets > bracketProduct, !runReported, let start = runStart {
                    runReported = true
                    problems.append(.error(
                        .markdownBrackets, at: SourceLocation(file: file, line: start + 1),
                        "this paragraph has \(images) image openers (`![`) among \(brackets) opening brackets by line \(number + 1): the Markdown parser's time grows with their product, here over \(bracketProduct)",
                        suggestion: "split it into paragraphs with blank lines, or write literal brackets as code"))
                }
                let depth = Self.nesting(content)
                if depth > nestingDepth {
                    problems.append(.error(
                        .markdownNesting, at: SourceLocation(file: file, line: number + 1),
                        "this line opens about \(depth) levels of quotes and lists, over the limit of \(nestingDepth)",
                        suggestion: "flatten the structure: nesting this deep slows the parser and no reader can follow it"))
                    emptied.append(line)
                }
            }
            endRun()
        }
        if problems.count > reported {
            let more = problems.count - reported
            problems = Array(problems.prefix(reported)) + [.error(
                .markdownNesting, at: problems[reported].location,
                "\(more) more place\(more == 1 ? "" : "s") in this file \(more == 1 ? "is" : "are") over these bounds",
                suggestion: "split long paragraphs and flatten deep nesting throughout the file")]
        }
        guard !emptied.isEmpty else { return (markdown, problems) }
        var bytes = Array(markdown.utf8)
        for range in emptied {
            for index in range where bytes[index] != UInt8(ascii: "\n") && bytes[index] != UInt8(ascii: "\r") {
                bytes[index] = UInt8(ascii: " ")
            }
        }
        return (String(decoding: bytes, as: UTF8.self), problems)
    }

    /// Each line's bytes, line ends left out; lines end at LF, CR LF or CR, as in CommonMark.
    private static func lines(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(start..<index)
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    private static func isBlank(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
    }

    /// Up to three spaces, then `text`.
    private static func indented(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        let spaces = line.prefix { $0 == UInt8(ascii: " ") }.count
        return spaces <= 3 ? line.dropFirst(spaces) : nil
    }

    /// An ATX heading: up to three spaces, one to six `#`, then a space, a tab or the end.
    private static func isHeading(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let rest = indented(line) else { return false }
        let hashes = rest.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(hashes) else { return false }
        let after = rest.dropFirst(hashes).first
        return after == nil || after == UInt8(ascii: " ") || after == UInt8(ascii: "\t")
    }

    /// A line that always starts a list item, and so ends the paragraph before it: up to three
    /// spaces, `-`, `+`, `*`, `1.` or `1)`, white space, then text.
    private static func startsListItem(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let rest = indented(line) else { return false }
        let markerLength: Int
        switch rest.first {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"): markerLength = 1
        case UInt8(ascii: "1"):
            let second = rest.dropFirst().first
            guard second == UInt8(ascii: ".") || second == UInt8(ascii: ")") else { return false }
            markerLength = 2
        default: return false
        }
        let after = rest.dropFirst(markerLength)
        guard let space = after.first, space == UInt8(ascii: " ") || space == UInt8(ascii: "\t") else { return false }
        return after.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
    }

    /// A fence of three or more backticks or tildes, after up to three spaces.
    private static func opensFence(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> (byte: UInt8, count: Int)? {
        guard let rest = indented(line), let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let count = rest.prefix { $0 == first }.count
        guard count >= 3 else { return nil }
        // A backtick fence's info string may hold no backtick.
        if first == UInt8(ascii: "`"), rest.dropFirst(count).contains(UInt8(ascii: "`")) { return nil }
        return (first, count)
    }

    private static func closesFence(_ line: Slice<UnsafeBufferPointer<UInt8>>, _ open: (byte: UInt8, count: Int)) -> Bool {
        guard let rest = indented(line) else { return false }
        let count = rest.prefix { $0 == open.byte }.count
        return count >= open.count && rest.dropFirst(count).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// An upper bound on the quotes and list items open after `line`: each needs a marker (`>`,
    /// a bullet or a number), and a container the line continues needs two columns of
    /// indentation (a tab counts four) before the first list marker; the one space a quote's
    /// marker may take is not indentation. A thematic break counts none.
    static func nesting(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var markers = 0
        var width = 0
        var seenList = false
        var index = line.startIndex
        let end = isThematicBreak(line) ? (line.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: ">") } ?? line.endIndex) : line.endIndex
        func isSpaceOrEnd(_ position: Int) -> Bool {
            position >= end || line[position] == UInt8(ascii: " ") || line[position] == UInt8(ascii: "\t")
        }
        scan: while index < end {
            switch line[index] {
            case UInt8(ascii: " "):
                if !seenList { width += 1 }
                index += 1
            case UInt8(ascii: "\t"):
                if !seenList { width += 4 }
                index += 1
            case UInt8(ascii: ">"):
                markers += 1
                index += 1
                // One space after `>` belongs to the quote's marker, not to any indentation.
                if index < end, line[index] == UInt8(ascii: " ") { index += 1 }
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
                guard isSpaceOrEnd(index + 1) else { break scan }
                markers += 1
                seenList = true
                index += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var digitEnd = index
                while digitEnd < end, digitEnd - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[digitEnd]) { digitEnd += 1 }
                guard digitEnd < end, line[digitEnd] == UInt8(ascii: ".") || line[digitEnd] == UInt8(ascii: ")"), isSpaceOrEnd(digitEnd + 1)
                else { break scan }
                markers += 1
                seenList = true
                index = digitEnd + 1
            default:
                break scan
            }
        }
        return markers > 0 ? markers + width / 2 : 0
    }

    /// Three or more of one of `-`, `*`, `_`, with only spaces and tabs between, after any `>`.
    private static func isThematicBreak(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let rest = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        guard let mark = rest.first, mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") || mark == UInt8(ascii: "_") else { return false }
        var count = 0
        for byte in rest {
            if byte == mark { count += 1 } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return false }
        }
        return count >= 3
    }
}
