import Foundation
import HandbookKit

/// Printing diagnostics on standard error.
enum Diagnostics {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printLine(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            printLine("\(errors) error\(errors == 1 ? "" : "s"), \(diagnostics.count - errors) warning\(diagnostics.count - errors == 1 ? "" : "s")")
        }
    }

    static func printSummary(_ text: String, _ diagnostics: [Diagnostic]) {
        let warnings = diagnostics.count
        printLine(warnings == 0 ? text : "\(text), with \(warnings) warning\(warnings == 1 ? "" : "s")")
    }

    static func printLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
