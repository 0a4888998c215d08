import HandbookMarkdown

/// The rules of the entry points by situation (`situations` in handbook.yml) checked against
/// the rules the chapters define.
enum SituationCheck {
    /// One error for each identifier no rule has, with the closest one that a rule has.
    static func problems(_ situations: [Situation], ruleIndex: [String: Int], rules: [Rule]) -> [Diagnostic] {
        var suggestions: SuggestionIndex?
        var problems: [Diagnostic] = []
        for situation in situations {
            for identifier in situation.ruleIdentifiers where ruleIndex[identifier] == nil {
                if suggestions == nil { suggestions = SuggestionIndex(rules.map(\.identifier)) }
                problems.append(UnknownRuleReference.diagnostic(
                    identifier, at: situation.location, closest: suggestions?.closest(to: identifier)))
            }
        }
        return problems
    }
}
