/// The front matter of a chapter or tip list.
struct PageFrontMatter: Sendable, Hashable {
    var title: String
    var summary: String?
    /// YYYY-MM-DD
    var updated: String?
    /// `changes:`: a note per rule identifier on what changed since the previous edition and
    /// why, for rules of this chapter or rules withdrawn from it.
    var changeNotes: [String: NoteText] = [:]
    /// `extra:`: the organisation's own fields, for templates.
    var extra: [ExtraEntry] = []
}
