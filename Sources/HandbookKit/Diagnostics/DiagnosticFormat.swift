import Foundation

/// Diagnostics as `handbook check` prints them: compiler-style text, JSON for editors and
/// tools, or GitHub workflow commands, which annotate the lines in a pull request.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github

    /// `::error file=…,line=…,col=…,title=code::message; suggestion`, one per line. The values
    /// are escaped as GitHub reads them back (`%`, line breaks, and in the properties `:` and
    /// `,`), so author text can neither end an annotation nor start another command.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ text: String) -> String {
            data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        return diagnostics.map { diagnostic in
            var message = diagnostic.message
            if let suggestion = diagnostic.suggestion { message += "; " + suggestion }
            let location = diagnostic.location
            return "::\(diagnostic.severity == .error ? "error" : "warning") file=\(property(location.file)),line=\(location.line),"
                + "col=\(location.column),title=\(property(diagnostic.code.rawValue))::\(data(TerminalText.escaped(message)))\n"
        }.joined()
    }

    /// One JSON object per diagnostic, in an array: `file`, `line`, `column`, `severity`, `code`,
    /// `message`, `suggestion` (null when there is none), and, when the file can be read,
    /// `endColumn` (just after the word the diagnostic points at, as the text format underlines
    /// it) and `sourceLine` (the line as written).
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let sources = SourceLines()
        let objects: [[String: Any]] = diagnostics.map { diagnostic in
            var object: [String: Any] = [
                "file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
                "severity": diagnostic.severity.rawValue, "code": diagnostic.code.rawValue, "message": diagnostic.message,
                "suggestion": diagnostic.suggestion ?? NSNull(),
            ]
            if let excerpt = sources.excerpt(diagnostic.location) {
                object["endColumn"] = excerpt.endColumn
                object["sourceLine"] = sources.line(diagnostic.location) ?? NSNull()
            }
            return object
        }
        let data = (try? JSONSerialization.data(
            withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `path:line:column: error: message; suggestion`, one per line, with the severity in colour
    /// when `colour` is set. Control characters in the text are escaped, so a diagnostic is
    /// always exactly one line and never drives the terminal.
    ///
    /// With `excerpts`, each is followed by the source line it points at and a marker under the
    /// place (`SourceExcerpt`), when the file can be read.
    public static func text(_ diagnostics: [Diagnostic], colour: Bool, excerpts: Bool = false) -> String {
        let sources = excerpts ? SourceLines() : nil
        return diagnostics.map { diagnostic in
            let paint = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
            var line: String
            if colour {
                line = "\u{1B}[1m\(TerminalText.escaped(diagnostic.location.description)):\u{1B}[0m "
                    + "\(paint)\(diagnostic.severity.rawValue):\u{1B}[0m \(TerminalText.escaped(diagnostic.message))"
                if let suggestion = diagnostic.suggestion { line += "; \(TerminalText.escaped(suggestion))" }
                line += "\n"
            } else {
                line = diagnostic.description + "\n"
            }
            if let excerpt = sources?.excerpt(diagnostic.location) { line += excerpt.lines(paint: colour ? paint : nil) }
            return line
        }.joined()
    }
}
