import Foundation

/// The one line a successful build prints.
public struct BuildSummary: Sendable, Equatable {
    public var pages: Int
    public var chapters: Int
    public var rules: Int
    public var tips: Int
    public var seconds: Double
    public var output: String
    /// How long each step took, for `--verbose`.
    public var steps: [Step] = []
    /// For a rebuild: the pages rendered again, and the files whose bytes changed.
    public var rendered: Int?
    public var filesWritten: Int?

    public struct Step: Sendable, Equatable {
        public var name: String
        public var seconds: Double

        /// "  render and write: 0.29 s"
        public var line: String { "  \(name): \(String(format: "%.2f", seconds)) s" }
    }

    /// "Built 157 pages (14 chapters, 57 rules, 45 tips) in 0.31 s into Site", or for a
    /// rebuild "Rebuilt 5 of 157 pages (3 files changed; 14 chapters, ...) in 0.02 s into Site".
    public var line: String {
        let contents = [PageContext.count(chapters, "chapter"), PageContext.count(rules, "rule"), PageContext.count(tips, "tip")]
            .joined(separator: ", ")
        if let rendered {
            let changed = filesWritten.map { PageContext.count($0, "file") + " changed; " } ?? ""
            return "Rebuilt \(rendered) of \(PageContext.count(pages, "page")) (\(changed)\(contents)) in \(String(format: "%.2f", seconds)) s into \(output)"
        }
        return "Built \(PageContext.count(pages, "page")) (\(contents)) in \(String(format: "%.2f", seconds)) s into \(output)"
    }
}
