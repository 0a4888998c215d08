/// What `handbook build` reads and writes.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Treat warnings as errors.
    public var strict: Bool

    public init(content: String = "Content", templates: String = "Templates", output: String = "Site", strict: Bool = false) {
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
    public var succeeded: Bool { !diagnostics.hasErrors }
}
