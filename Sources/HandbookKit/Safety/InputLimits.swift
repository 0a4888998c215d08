/// The bounds every input is held to, so that no file, title or name can make a build run
/// out of memory, hit a file system or library limit, or take unbounded time. Each is
/// reported with a diagnostic at the place that passes it.
enum InputLimits {
    /// A chapter or tip list: 32 MiB of Markdown (the largest real guidance tried is 1 MB). With
    /// the bounds of `MarkdownCost`, the slowest 32 MiB cmark can be given parse in about 10 s.
    static let markdownBytes = 32 << 20
    /// handbook.yml.
    static let configBytes = 1 << 20
    /// The previous edition's handbook.json (36 MB for a handbook of 10,000 rules).
    static let recordBytes = 512 << 20
    /// One media file, read into memory to be copied.
    static let mediaBytes = 1 << 30
    /// A title: of the handbook, a chapter, a tip list or a rule.
    static let titleCharacters = 500
    /// A rule identifier, which names the rule's page: `rules/<id>.html`.
    static let identifierBytes = 100
    /// An explicit anchor or an anchor alias: an id in every page it is on.
    static let anchorBytes = 100
    /// A chapter's or tip list's slug, which names its page (file systems allow 255 bytes).
    static let slugBytes = 200
    /// A path in the output, from its root. Debian's libarchive overflows a 64 KiB buffer on
    /// longer ZIP entry names; this keeps every entry of the offline copy far below that.
    static let outputPathBytes = 1024
    /// One folder or file name in the output.
    static let outputNameBytes = 255
}
