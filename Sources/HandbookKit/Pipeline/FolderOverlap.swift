import Foundation
import HandbookMarkdown

/// The folders a build reads and the one it writes must be apart: the output is replaced as a
/// whole on every build, so content, templates or a previous edition's record inside it would
/// be deleted; and output inside the content or templates would be read back as content (a
/// site inside `media/` is published again and again, growing with every build, and `serve`
/// would rebuild itself for ever).
enum FolderOverlap {
    static func problems(_ options: BuildOptions) -> [Diagnostic] {
        let output = realPath(options.output)
        let location = SourceLocation(file: DisplayPath.of(options.output))
        var diagnostics: [Diagnostic] = []
        var inputs = [("content folder", options.content, "--content")]
        if let templates = options.templates { inputs.append(("template folder", templates, "--templates")) }
        for (what, folder, option) in inputs {
            let input = realPath(folder)
            let shown = DisplayPath.of(folder)
            if input == output {
                diagnostics.append(.error(
                    .outputOverlap, at: location, "the output folder is the \(what) itself",
                    suggestion: "write the site to a folder of its own with --output, such as Site"))
            } else if isInside(input, output) {
                diagnostics.append(.error(
                    .outputOverlap, at: location,
                    "the \(what) \(shown) is inside the output folder, which every build replaces as a whole",
                    suggestion: "move \(shown) out of the output folder, or choose another --output"))
            } else if isInside(output, input) {
                diagnostics.append(.error(
                    .outputOverlap, at: location,
                    "the output folder is inside the \(what) \(shown), so every build would read the last one's output",
                    suggestion: "choose an --output outside \(shown), or another \(option)"))
            }
        }
        if let previous = options.previousEdition, isInside(realPath(previous), output) {
            diagnostics.append(.error(
                .outputOverlap, at: SourceLocation(file: DisplayPath.of(previous)),
                "the previous edition's record is inside the output folder, which this build replaces",
                suggestion: "keep a copy of it in the content folder, such as Content/editions/1.json, and give that"))
        }
        return diagnostics
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The real path of `path`, symbolic links resolved, for a path that may not exist yet:
    /// its deepest existing folder resolved, and the rest added.
    static func realPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var real = ConfinedFile.realFolder(existing.path)
        for name in rest { real = (real == "/" ? "" : real) + "/" + name }
        return real
    }
}
