import Foundation

/// Diagnostics as `handbook check` prints them: compiler-style text, or JSON for editors and CI.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json

    /// One JSON object per diagnostic, in an array: `file`, `line`, `column`, `severity`, `code`,
    /// `message`, `suggestion` (null when there is none).
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let objects: [[String: Any]] = diagnostics.map { diagnostic in
            [
                "file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
                "severity": diagnostic.severity.rawValue, "code": diagnostic.code.rawValue, "message": diagnostic.message,
                "suggestion": diagnostic.suggestion ?? NSNull(),
            ]
        }
        let data = (try? JSONSerialization.data(
            withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `path:line:column: error: message; suggestion`, one per line, with the severity in colour
    /// when `colour` is set. Control characters in the text are escaped, so a diagnostic is
    /// always exactly one line and never drives the terminal.
    public static func text(_ diagnostics: [Diagnostic], colour: Bool) -> String {
        diagnostics.map { diagnostic in
            guard colour else { return diagnostic.description + "\n" }
            let paint = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
            var line = "\u{1B}[1m\(TerminalText.escaped(diagnostic.location.description)):\u{1B}[0m "
                + "\(paint)\(diagnostic.severity.rawValue):\u{1B}[0m \(TerminalText.escaped(diagnostic.message))"
            if let suggestion = diagnostic.suggestion { line += "; \(TerminalText.escaped(suggestion))" }
            return line + "\n"
        }.joined()
    }
}
