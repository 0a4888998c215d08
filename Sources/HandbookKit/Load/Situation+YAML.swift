import Foundation
import HandbookMarkdown

/// Reading one entry of `situations` in handbook.yml: `A patient has sent me a friend request: BOUND-2, BOUND-3`.
extension Situation {
    /// The situation, or nil with why it cannot be used. Whether its rules exist is for the
    /// resolver to say, once every rule is known.
    static func parse(text: String, rules: String, at location: SourceLocation) -> (situation: Situation?, diagnostics: [Diagnostic]) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let identifiers = rules.split { $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
        var diagnostics: [Diagnostic] = []
        if let problem = TitleLength.problem(text, what: "situation", at: location) { diagnostics.append(problem) }
        if text.isEmpty {
            diagnostics.append(.error(
                .configType, at: location, "a situation under 'situations' has no text",
                suggestion: "write what the reader is facing before the colon, such as `A patient has sent me a friend request: BOUND-2`"))
        }
        if identifiers.isEmpty {
            diagnostics.append(.error(
                .configType, at: location, "the situation '\(Quoted.text(text))' names no rule",
                suggestion: "write the identifiers of the rules that answer it after the colon, separated by commas"))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (Situation(text: text, ruleIdentifiers: identifiers, location: location), [])
    }
}
