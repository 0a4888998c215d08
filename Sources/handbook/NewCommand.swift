
import ArgumentParser
import HandbookKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a starter handbook: content with two chapters and a tip list.",
        discussion: """
            The folder must be new or empty. The starter builds and checks cleanly at once, with the templates \
            built into the tool; `handbook templates eject` copies them into the folder when you want to adapt them.

            Examples:
              handbook new my-handbook
              cd my-handbook && handbook serve
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
        Diagnostics.printLine("Created \(folder)/Content, a handbook of two chapters and a tip list.")
        Diagnostics.printLine("To adapt the templates: cd \(folder) && handbook templates eject")
        Diagnostics.printLine("To preview it as you write: cd \(folder) && handbook serve")
    }
}
