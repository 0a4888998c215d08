import Foundation
import HandbookMarkdown

/// A text file of the handbook, read and checked to be UTF-8.
struct SourceFile: Sendable {
    /// Where the file is on disk.
    let path: String
    /// The path shown in diagnostics.
    let displayPath: String
    let text: String

    func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}
