import ArgumentParser
import HandbookKit

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the handbook in the content folder into the output folder.")

    @Option(help: "The content folder: handbook.yml, chapters/, tips/, media/.")
    var content = "Content"

    @Option(help: "The template folder: Mustache templates and assets/.")
    var templates = "Templates"

    @Option(help: "The output folder. It is replaced as a whole, and only when the build succeeds.")
    var output = "Site"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() async throws {
        let report = await HandbookBuilder.build(
            BuildOptions(content: content, templates: templates, output: output, strict: strict))
        Diagnostics.print(report.diagnostics)
        guard report.succeeded else { throw ExitCode.failure }
        Diagnostics.printSummary("Wrote \(report.pagesWritten) pages to \(output)", report.diagnostics)
    }
}
