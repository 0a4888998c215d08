import ArgumentParser
import HandbookKit

/// The options of every command that builds: build and serve.
struct BuildArguments: ParsableArguments {
    @Option(help: "The content folder: handbook.yml, chapters/, tips/, media/.")
    var content = "Content"

    @Option(help: "The template folder: Mustache templates and assets/ (default: ./Templates if it exists, else the built-in templates).")
    var templates: String?

    @Option(help: "The output folder. It is replaced as a whole, and only when the build succeeds.")
    var output = "Site"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp(
        "The previous edition's handbook.json, to show what changed since (default: previous_edition in handbook.yml).",
        valueName: "path"))
    var previous: String?

    @Flag(help: "Build a draft: every page says so and is kept out of search engines, and broken links are warnings.")
    var draft = false

    var options: BuildOptions {
        var options = BuildOptions(
            content: content, templates: TemplateChoice.folder(templates), output: output, strict: strict,
            previousEdition: previous)
        options.draft = draft
        return options
    }
}
