import Foundation

/// The oracle for the scripts the build generates: each holds its data as one JSON literal,
/// which must parse, and nothing in it may end the context it stands in. The service worker
/// has exactly the one comment its template opens and closes, so no value closed it.
enum ScriptCheck {
    static func problem(in script: String, path: String) -> String? {
        let literal: Substring
        if path == "sw.js" {
            guard script.components(separatedBy: "*/").count == 2 else { return "a value closed the template's comment" }
            guard let line = script.split(separator: "\n").first(where: { $0.hasPrefix("var FILES = ") }), line.hasSuffix(";") else {
                return "no file list"
            }
            literal = line.dropFirst("var FILES = ".count).dropLast()
        } else {
            guard let equals = script.firstIndex(of: "="), script.hasSuffix(";\n") else { return "not one assignment" }
            literal = script[script.index(after: equals)...].dropLast(2)
        }
        for sequence in ["</", "*/", "<!--", "\u{2028}", "\u{2029}", "`"] where literal.contains(sequence) {
            return "the JSON holds \(sequence.debugDescription) unescaped"
        }
        guard (try? JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed])) != nil else {
            return "the data is not one JSON literal"
        }
        return nil
    }
}
