import HandbookMarkdown

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// With `strict` (`--strict`), every warning made an error at the same place.
    func promotedToErrors(if strict: Bool) -> [Diagnostic] {
        strict ? map { $0.severity == .warning ? $0.promotedToError() : $0 } : self
    }

    /// Stable order for output: by file, line, column, then message.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
