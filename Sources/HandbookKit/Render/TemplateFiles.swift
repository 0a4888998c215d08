import Foundation
import HandbookMarkdown

/// The files of a template set: read from a folder, or the default templates built into the tool.
struct TemplateFiles: Sendable, Equatable {
    /// Where the files are, as diagnostics show it (a folder, or `<built-in templates>`).
    var root: String
    /// Contents by path from the root (`layout.mustache`, `assets/handbook.css`).
    var files: [String: Data]

    static let builtInName = "<built-in templates>"

    static var builtIn: TemplateFiles {
        TemplateFiles(
            root: builtInName,
            files: BuiltInTemplates.files.compactMapValues { Data(base64Encoded: $0) })
    }

    /// Every file below `folder`, skipping hidden ones.
    static func folder(_ folder: String) -> Result<TemplateFiles, Diagnostic> {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue,
            let enumerator = FileManager.default.enumerator(atPath: root)
        else {
            return .failure(.error(
                .templateFolderMissing, at: SourceLocation(file: DisplayPath.of(root)),
                "there is no template folder here",
                suggestion: "pass --templates with the folder of your templates, or leave it out to use the built-in ones"))
        }
        var files: [String: Data] = [:]
        while let relative = enumerator.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        return .success(TemplateFiles(root: root, files: files))
    }

    /// The assets (`assets/...`), sorted, with their paths below `assets/`.
    var assets: [(path: String, data: Data)] {
        files.keys.filter { $0.hasPrefix("assets/") }.sorted().map { (String($0.dropFirst(7)), files[$0]!) }
    }

    /// The path a diagnostic shows for a file.
    func displayPath(_ relative: String) -> String {
        root == Self.builtInName ? "\(root)/\(relative)" : DisplayPath.of(root + "/" + relative)
    }
}
