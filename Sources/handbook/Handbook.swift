import HandbookKit
import ArgumentParser

@main
struct Handbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Builds a guidance handbook of numbered rules into a static site.",
        version: HandbookVersion.current,
        subcommands: [Build.self, Check.self, New.self, Render.self, Serve.self],
        defaultSubcommand: Build.self)
}
