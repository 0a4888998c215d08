/// A place in a source file, as a person reads it: 1-based line and column.
///
/// Columns count bytes of UTF-8, as cmark and most compilers do.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    /// The path as it is shown to the user (relative to the working directory when possible).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
