/// A Markdown file split into its YAML front matter and its body.
///
/// The body keeps the file's line numbering: the front matter's lines are replaced by empty
/// lines, so positions reported by cmark are positions in the file.
struct FrontMatterSplit: Sendable {
    /// The YAML between the `---` lines, or nil when the file has none.
    var yaml: String?
    /// The file line on which the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
}
