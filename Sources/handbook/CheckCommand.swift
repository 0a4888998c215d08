import ArgumentParser
import Foundation
import HandbookKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem a build would report, writing nothing.",
        discussion: """
            The exit status is 1 when there is an error. --format json prints one object per \
            problem on standard output: file, line, column, severity, code, message, suggestion. \
            --format github prints them as GitHub Actions annotations, shown on the lines of a pull request.

            Examples:
              handbook check
              handbook check --strict --format json > problems.json
              handbook check --format github
            """)

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The template folder (default: ./Templates if it exists, else the built-in templates).")
    var templates: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp(
        "The previous edition's handbook.json, to check the change notes against (default: previous_edition in handbook.yml).",
        valueName: "path"))
    var previous: String?

    @Option(help: "text (compiler style, with the source line, on standard error), json or github (annotations for GitHub Actions), both on standard output.")
    var format: DiagnosticFormat = .text

    func run() async throws {
        let (_, diagnostics) = await HandbookBuilder.check(
            BuildOptions(
                content: content, templates: TemplateChoice.folder(templates), output: "", strict: strict,
                previousEdition: previous))
        switch format {
        case .json:
            FileHandle.standardOutput.write(Data(DiagnosticFormat.json(diagnostics).utf8))
        case .github:
            FileHandle.standardOutput.write(Data(DiagnosticFormat.github(diagnostics).utf8))
        case .text:
            Diagnostics.print(diagnostics)
            if diagnostics.isEmpty { Diagnostics.printLine("No problems found.") }
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
