import HandbookMarkdown

/// The error for a reference to a rule no heading defines, the same from the resolver and from
/// `handbook render`.
enum UnknownRuleReference {
    /// A reference to a rule no heading defines, with the closest identifier that is defined
    /// (`SuggestionIndex.closest` over all of them). `scope` narrows what was searched: " in
    /// this document" for `handbook render`.
    static func diagnostic(_ identifier: String, at location: SourceLocation, closest close: String?, scope: String = "") -> Diagnostic {
        .error(
            .ruleUnknown, at: location, "no rule\(scope) has the identifier '\(Quoted.text(identifier))'",
            suggestion: close.map { "did you mean \($0)?" } ?? "define it with a heading such as `## \(Quoted.text(identifier)) Title`")
    }
}
