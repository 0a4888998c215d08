import HandbookMarkdown

/// An entry point by situation (`situations` in handbook.yml): what a reader is facing, in
/// their words, and the rules that answer it, shown on the home page before the chapters.
struct Situation: Sendable, Hashable {
    /// "A patient has sent me a friend request".
    var text: String
    /// As written, in order; the first is where the situation's link goes.
    var ruleIdentifiers: [String]
    /// Where the situation is written, for a rule that does not exist.
    var location: SourceLocation
}
