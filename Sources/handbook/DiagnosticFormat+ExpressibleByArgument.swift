import ArgumentParser
import HandbookKit

/// `--format text|json`.
extension DiagnosticFormat: ExpressibleByArgument {}
