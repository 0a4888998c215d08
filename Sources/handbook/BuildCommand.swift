
import ArgumentParser
import HandbookKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the handbook in the content folder into the output folder.",
        discussion: """
            Every problem is reported as path:line:column, all in one run; the output folder is \
            replaced only when there is no error.

            Examples:
              handbook build
              handbook build --content Content --templates Templates --output Site --strict
            """)

    @OptionGroup var build: BuildArguments

    @OptionGroup var printing: OutputOptions

    func run() async throws {
        var options = build.options
        let bar = ProgressBar()
        if !printing.quiet && ProgressBar.wanted {
            options.progress = { step, done, total in bar.update(step, done, total) }
        }
        if !printing.quiet { options.waiting = { Diagnostics.printLine($0) } }
        let report = await HandbookBuilder.build(options)
        bar.finish()
        let shown = printing.quiet ? report.diagnostics.filter { $0.severity == .error } : report.diagnostics
        Diagnostics.print(shown)
        guard report.succeeded else { throw ExitCode.failure }
        if printing.verbose, let summary = report.summary {
            for step in summary.steps { Diagnostics.printLine(step.line) }
        }
        if !printing.quiet, let summary = report.summary {
            let warnings = report.diagnostics.count
            Diagnostics.printLine(summary.line + (warnings == 0 ? "" : ", with \(warnings) warning\(warnings == 1 ? "" : "s")"))
        }
    }
}
