
enum FrontMatter {
    enum SplitError: Error, Equatable {
        case unterminated
    }

    static func split(_ text: String) throws(SplitError) -> FrontMatterSplit {
        // "\r\n" is one Character in Swift, so both line endings are named.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard let first = lines.first, trimmedLine(first) == "---" else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text)
        }
        guard let closing = lines.indices.dropFirst().first(where: {
            let line = trimmedLine(lines[$0])
            return line == "---" || line == "..."
        }) else {
            throw .unterminated
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        for index in 0...closing { lines[index] = "" }
        return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: lines.joined(separator: "\n"))
    }

    private static func trimmedLine(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == "\r" || last == " " || last == "\t" { line = line.dropLast() }
        return line
    }
}
