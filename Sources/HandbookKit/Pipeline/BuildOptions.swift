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
    /// `--draft`: every page is marked as a draft (and kept out of search engines), and broken
    /// links are warnings, as with `broken_links: warning`.
    public var draft = false
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
