import HandbookMarkdown

/// One problem found while building, reported like a compiler does.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    /// A stable, machine-readable code such as `rule.unknown` or `link.broken`, encoded as that
    /// string.
    public var code: DiagnosticCode
    public var location: SourceLocation
    public var message: String
    /// What the author can do about it, when there is something specific to say.
    public var suggestion: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation,
        _ message: String, suggestion: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    public static func error(
        _ code: DiagnosticCode, at location: SourceLocation, _ message: String, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, suggestion: suggestion)
    }

    public static func warning(
        _ code: DiagnosticCode, at location: SourceLocation, _ message: String, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message, suggestion: suggestion)
    }

    /// `path:line:column: error: message; suggestion`, on one line: control characters in the
    /// path or the text (which may come from file names and author text) are escaped.
    public var description: String {
        var text = "\(TerminalText.escaped(location.description)): \(severity.rawValue): \(TerminalText.escaped(message))"
        if let suggestion { text += "; \(TerminalText.escaped(suggestion))" }
        return text
    }

    /// The same diagnostic as an error, for `--strict`.
    func promotedToError() -> Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }
}
