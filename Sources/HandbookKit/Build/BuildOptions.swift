import Foundation

/// What `handbook build` reads and writes.
public struct BuildOptions: Sendable {
    public var content: String
    /// A template folder, or nil for the default templates built into the tool.
    public var templates: String?
    public var output: String
    /// Treat warnings as errors.
    public var strict: Bool
    /// The handbook.json of the previous edition, to compare with (overrides `previous_edition`
    /// in handbook.yml).
    public var previousEdition: String?
    /// Called as the build goes on, from any task: what it is doing, how many of its parts are
    /// done, and how many there are.
    public var progress: (@Sendable (_ step: String, _ done: Int, _ total: Int) -> Void)?
    /// Told when another build is writing the same output folder, before this one waits for it.
    public var waiting: (@Sendable (_ message: String) -> Void)?

    public init(
        content: String = "Content", templates: String? = nil, output: String = "Site", strict: Bool = false,
        previousEdition: String? = nil
    ) {
        self.previousEdition = previousEdition
        self.content = content
        self.templates = templates
        self.output = output
        self.strict = strict
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// HTML pages written; zero when the build failed.
    public var pagesWritten: Int
    /// Set when the build succeeded.
    public var summary: BuildSummary?
    public var succeeded: Bool { !diagnostics.hasErrors }

    public init(diagnostics: [Diagnostic], pagesWritten: Int, summary: BuildSummary? = nil) {
        self.diagnostics = diagnostics
        self.pagesWritten = pagesWritten
        self.summary = summary
    }
}

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
        if let rendered {
            let changed = filesWritten.map { "\($0) file\($0 == 1 ? "" : "s") changed; " } ?? ""
            return "Rebuilt \(rendered) of \(pages) pages (\(changed)\(chapters) chapters, \(rules) rules, \(tips) tips) in \(String(format: "%.2f", seconds)) s into \(output)"
        }
        return "Built \(pages) pages (\(chapters) chapters, \(rules) rules, \(tips) tips) in \(String(format: "%.2f", seconds)) s into \(output)"
    }
}
