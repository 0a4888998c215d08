import HandbookKit
import ArgumentParser

@main
struct Handbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Builds a guidance handbook of numbered rules into a static site.",
        version: HandbookVersion.current,
        subcommands: [
            BuildCommand.self, CheckCommand.self, NewCommand.self, RenderCommand.self, ServeCommand.self, TemplatesCommand.self,
        ],
        defaultSubcommand: BuildCommand.self)
}
