import Foundation
import HandbookMarkdown

/// Reading a part from its part.yml.
extension HandbookPart {
    static let keys = ["title", "summary", "appendix"]

    /// The part described by a part.yml as read, or nil with why it cannot be used.
    static func parse(_ read: Result<SourceFile, Diagnostic>, folderName: String, slug: String) -> (HandbookPart?, [Diagnostic]) {
        let file: SourceFile
        switch read {
        case .success(let read): file = read
        case .failure(let problem): return (nil, [problem])
        }
        var (mapping, diagnostics) = YAMLMapping.parse(
            file.text, file: file.displayPath, firstLine: 1, allowedKeys: keys, required: ["title"])
        diagnostics += ForbiddenCharacters.problems(in: file)
        if let entry = mapping.entries["title"], let problem = TitleLength.problem(entry.value, what: "title", at: entry.location) {
            diagnostics.append(problem)
        }
        var isAppendix = false
        if let entry = mapping.entries["appendix"] {
            switch entry.value {
            case "true": isAppendix = true
            case "false": isAppendix = false
            default:
                diagnostics.append(.error(
                    .configType, at: entry.location, "'appendix' must be true or false",
                    suggestion: "write `appendix: true` to letter the part's chapters A, B, C as appendices"))
            }
        }
        guard let title = mapping["title"], !title.isEmpty else { return (nil, diagnostics) }
        var part = HandbookPart(id: slug, folderName: folderName, title: title, summary: mapping["summary"].nonEmpty)
        part.isAppendix = isAppendix
        return (part, diagnostics)
    }
}
