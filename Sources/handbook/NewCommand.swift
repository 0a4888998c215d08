
import ArgumentParser
import HandbookKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a starter handbook: content with two chapters and a tip list, and the default templates.",
        discussion: """
            The folder must be new or empty. The starter builds and checks cleanly at once.

            Examples:
              handbook new my-handbook
              cd my-handbook && handbook build
            """)

    @Argument(help: "The folder to create.")
    var folder: String

    func run() throws {
        do {
            try StarterHandbook.write(to: folder)
        } catch {
            Diagnostics.printLine(error.description)
            throw ExitCode.failure
        }
        Diagnostics.printLine("Created \(folder)/Content and \(folder)/Templates; build it with: cd \(folder) && handbook build")
    }
}
