
enum FrontMatter {
    enum SplitError: Error, Equatable {
        case unterminated
    }

    /// The YAML between a first line `---` and the next `---` or `...`, and the body with those
    /// lines left empty, so that its line numbers are the file's. A line ends at "\n" or "\r\n";
    /// with front matter the body's line endings become "\n". Read as bytes: splitting the whole
    /// file into lines of Characters and joining them again was a tenth of parsing a chapter.
    static func split(_ text: String) throws(SplitError) -> FrontMatterSplit {
        var text = text
        switch text.withUTF8({ parts(of: $0) }) {
        case .none: return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text)
        case .unterminated: throw .unterminated
        case .split(let yaml, let body): return FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body)
        }
    }

    private enum Parts {
        case none, unterminated
        case split(yaml: String, body: String)
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private static func parts(of bytes: UnsafeBufferPointer<UInt8>) -> Parts {
        /// The line starting at `start` without its line end, and where the next line starts.
        func line(at start: Int) -> (content: Range<Int>, next: Int?) {
            guard let end = bytes[start...].firstIndex(of: newline) else { return (start..<bytes.count, nil) }
            return (start..<(end > start && bytes[end - 1] == carriageReturn ? end - 1 : end), end + 1)
        }
        let opening = line(at: 0)
        guard isMarker(bytes[opening.content], "---") else { return .none }
        var next = opening.next
        var yamlLines: [Range<Int>] = []
        while let start = next {
            let current = line(at: start)
            if isMarker(bytes[current.content], "---") || isMarker(bytes[current.content], "...") {
                let yaml = yamlLines.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: "\n")
                // Every line up to the closing one is left empty; a closing line that ends the
                // file has no line end to keep.
                var body = String(repeating: "\n", count: yamlLines.count + (current.next == nil ? 1 : 2))
                if let rest = current.next { body += withoutCarriageReturnsBeforeNewlines(bytes[rest...]) }
                return .split(yaml: yaml, body: body)
            }
            yamlLines.append(current.content)
            next = current.next
        }
        return .unterminated
    }

    /// The line, less trailing "\r", spaces and tabs, is `marker`.
    private static func isMarker(_ line: Slice<UnsafeBufferPointer<UInt8>>, _ marker: StaticString) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, [carriageReturn, UInt8(ascii: " "), UInt8(ascii: "\t")].contains(line[end - 1]) { end -= 1 }
        return line[line.startIndex..<end].elementsEqual(UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount))
    }

    private static func withoutCarriageReturnsBeforeNewlines(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard bytes.contains(carriageReturn) else { return String(decoding: bytes, as: UTF8.self) }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for index in bytes.indices where !(bytes[index] == carriageReturn && index + 1 < bytes.endIndex && bytes[index + 1] == newline) {
            kept.append(bytes[index])
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
