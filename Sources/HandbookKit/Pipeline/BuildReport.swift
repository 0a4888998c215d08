import Foundation

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
