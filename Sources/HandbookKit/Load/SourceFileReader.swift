import Foundation
import HandbookMarkdown

enum SourceFileReader {
    /// Reads a file as UTF-8 text (dropping a byte-order mark), or says why it cannot; `what`
    /// names the file in the diagnostic ("chapter", "handbook.yml").
    static func read(_ file: ConfinedFile, maxBytes: Int, what: String) -> Result<SourceFile, Diagnostic> {
        let display = DisplayPath.of(file.path)
        do {
            return decode(try file.read(maxBytes: maxBytes), path: file.path, displayPath: display)
        } catch {
            return .failure(file.diagnostic(error, what: what, location: SourceLocation(file: display)))
        }
    }

    static func decode(_ data: Data, path: String, displayPath: String) -> Result<SourceFile, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(SourceFile(path: path, displayPath: displayPath, text: text))
        }
        let (line, column) = firstInvalidUTF8Position(in: bytes)
        return .failure(.error(
            .fileEncoding, at: SourceLocation(file: displayPath, line: line, column: column),
            "this file is not valid UTF-8",
            suggestion: "save it as UTF-8 in your editor (the first bad byte is here)"))
    }

    /// Line and byte column of the first byte that is not part of valid UTF-8.
    private static func firstInvalidUTF8Position(in bytes: Data.SubSequence) -> (Int, Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += scalar.count
                }
            case .error:
                return (line, column)
            case .emptyInput:
                return (line, column)
            }
        }
    }
}
