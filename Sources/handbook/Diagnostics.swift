import Foundation
import HandbookKit

/// Printing on standard error: diagnostics and summaries, in colour only on a terminal and
/// never when NO_COLOR is set.
enum Diagnostics {
    static var colour: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func print(_ diagnostics: [Diagnostic]) {
        FileHandle.standardError.write(Data(DiagnosticFormat.text(diagnostics, colour: colour, excerpts: true).utf8))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if errors > 0 {
            printLine("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
    }

    static func printLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
