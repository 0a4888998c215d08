import ArgumentParser
import HandbookKit

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the templates built into the tool.",
        subcommands: [Eject.self])

    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eject",
            abstract: "Copy the built-in templates into a folder, to adapt them.",
            discussion: """
                Without a Templates folder, build, check and serve use the templates built into the tool, which \
                improve with each version. A handbook that ejects them keeps its copy as it is: later fixes to the \
                built-in templates no longer reach it. The folder must be new or empty; build, check and serve use \
                ./Templates when it exists, or the folder given with --templates.

                Examples:
                  handbook templates eject
                  handbook templates eject --to brand/Templates
                """)

        @Option(help: "The folder to write the templates into.")
        var to = "Templates"

        func run() throws {
            do {
                try TemplateEject.write(to: to)
            } catch {
                Diagnostics.printLine(error.description)
                throw ExitCode.failure
            }
            Diagnostics.printLine("Copied the built-in templates into \(to); build, check and serve use them from now on.")
        }
    }
}
