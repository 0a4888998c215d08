import HandbookMarkdown

/// A short explanation an author wrote, and where.
struct NoteText: Sendable, Hashable {
    var text: String
    var location: SourceLocation
}
