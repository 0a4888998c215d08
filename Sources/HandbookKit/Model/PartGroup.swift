/// Chapters in their order, cut into runs that share a part: a part's chapters are one run,
/// and chapters outside any part between two parts another. Every place that shows parts
/// (navigation, contents, print, EPUB) groups with this, so they agree.
struct PartGroup: Hashable, Sendable {
    /// Nil for chapters outside any part.
    var part: HandbookPart?
    /// Indices of the chapters, consecutive.
    var chapters: Range<Int>

    /// The runs of `parts` (each chapter's part, in chapter order), in one pass; nil when no
    /// chapter is in a part, so that a handbook without parts is shown exactly as before.
    static func groups(_ parts: [HandbookPart?]) -> [PartGroup]? {
        guard parts.contains(where: { $0 != nil }) else { return nil }
        var groups: [PartGroup] = []
        for (index, part) in parts.enumerated() {
            if let last = groups.indices.last, groups[last].part?.id == part?.id {
                groups[last].chapters = groups[last].chapters.lowerBound..<(index + 1)
            } else {
                groups.append(PartGroup(part: part, chapters: index..<(index + 1)))
            }
        }
        return groups
    }
}
