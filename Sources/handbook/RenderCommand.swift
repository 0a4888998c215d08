import ArgumentParser
import Foundation
import HandbookKit

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Markdown document to an HTML fragment on standard output.",
        discussion: """
            The same parser and renderer as the site: rules defined in the document are linked \
            within it (#CONF-1), headings get anchors, raw HTML is dropped unless allowed.

            Examples:
              handbook render chapter.md > chapter.html
              echo '## CONF-1 Do this' | handbook render -
            """)

    @Flag(help: "Keep raw HTML from the Markdown (for trusted content only).")
    var allowRawHTML = false

    @Argument(help: "The Markdown file, or - for standard input.")
    var file = "-"

    func run() throws {
        let data: Data
        let name: String
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            name = "<stdin>"
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                Diagnostics.printLine("\(file):1:1: error: cannot read this file")
                throw ExitCode.failure
            }
            data = contents
            name = file
        }
        guard let markdown = String(data: data, encoding: .utf8) else {
            Diagnostics.printLine("\(name):1:1: error: this file is not valid UTF-8; save it as UTF-8")
            throw ExitCode.failure
        }
        let (html, diagnostics) = FragmentRenderer.render(markdown: markdown, file: name, allowRawHTML: allowRawHTML)
        FileHandle.standardOutput.write(Data(html.utf8))
        Diagnostics.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
