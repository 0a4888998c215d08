import HandbookMarkdown

/// Swift Testing has a `SourceLocation` of its own; in these tests the name means the
/// handbook's, a place in a content file.
typealias SourceLocation = HandbookMarkdown.SourceLocation
