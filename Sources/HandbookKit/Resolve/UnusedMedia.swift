import HandbookMarkdown

/// Media files no page links to or shows: published, but no reader finds them (a picture left
/// behind by an edit, or one whose link was mistyped).
enum UnusedMedia {
    static func problems(_ media: [MediaFile], used: Set<ExactText>) -> [Diagnostic] {
        media.filter { !used.contains(ExactText(SiteLayout.media($0.relativePath))) }
            .sorted { $0.relativePath < $1.relativePath }
            .map { file in
                .warning(
                    .mediaUnused, at: SourceLocation(file: DisplayPath.of(file.path)),
                    "no page links to or shows '\(Quoted.text(SiteLayout.media(file.relativePath)))'",
                    suggestion: "link to it from a page, as `![what it shows](../\(Quoted.text(SiteLayout.media(file.relativePath))))`, or delete it")
            }
    }
}
