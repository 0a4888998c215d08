import HandbookMarkdown

/// What a page's Markdown holds that the reader would not see as its author meant: constructs
/// of other dialects (reported once per construct and file, at the first place, with the count
/// of the others, so a converted document does not flood the report) and callout markers that
/// make no callout.
enum SyntaxDiagnostics {
    typealias Kind = DocumentOutline.UnsupportedSyntax.Kind

    static func problems(in outline: DocumentOutline) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var firsts: [Kind: SourceLocation] = [:]
        var counts: [Kind: Int] = [:]
        for construct in outline.unsupported {
            counts[construct.kind, default: 0] += 1
            if firsts[construct.kind] == nil { firsts[construct.kind] = construct.location }
        }
        for kind in Kind.allCases {
            guard let first = firsts[kind], let count = counts[kind] else { continue }
            let others = count > 1 ? " (and \(count - 1) more in this file)" : ""
            problems.append(.warning(code(of: kind), at: first, message(for: kind) + others, suggestion: suggestion(for: kind)))
        }
        for callout in outline.callouts where callout.kind == nil || !callout.aloneOnLine {
            if callout.kind == nil {
                let markers = CalloutKind.allCases.map(\.marker)
                let word = callout.marker.uppercased()
                // `[!WARN]`, `[!NOTES]`: a shortening or lengthening is as likely as a typo.
                let close = Suggestion.closest(to: word, in: markers)
                    ?? markers.first { $0.hasPrefix(word) || word.hasPrefix($0) }
                problems.append(.warning(
                    .calloutUnknown, at: callout.location,
                    "'[!\(Quoted.text(callout.marker))]' is not a kind of callout, so this stays a quote",
                    suggestion: (close.map { "did you mean [!\($0)]? " } ?? "")
                        + "The kinds are " + markers.map { "[!\($0)]" }.joined(separator: ", ")))
            } else {
                problems.append(.warning(
                    .calloutMarkerLine, at: callout.location,
                    "a callout's marker must stand alone on the quote's first line, so this stays a quote",
                    suggestion: "put the text on the next line: `> [!\(callout.marker.uppercased())]`, then `> text`"))
            }
        }
        return problems.sorted { $0.location < $1.location }
    }

    private static func code(of kind: Kind) -> DiagnosticCode {
        switch kind {
        case .pipeTable: .markdownTable
        case .footnote: .markdownFootnote
        case .taskListItem: .markdownTaskList
        case .strikethrough: .markdownStrikethrough
        case .definitionList: .markdownDefinitionList
        case .htmlAnchor, .htmlImage, .html: .markdownHtmlDropped
        }
    }

    private static func message(for kind: Kind) -> String {
        switch kind {
        case .pipeTable: "this pipe table is shown as text: the Markdown here is CommonMark, which has no tables"
        case .footnote: "this footnote is shown as text: CommonMark has no footnotes"
        case .taskListItem: "this task list box is shown as text: CommonMark has no task lists"
        case .strikethrough: "this ~~strikethrough~~ is shown with its tildes: CommonMark has no strikethrough"
        case .definitionList: "this definition list is shown as text: CommonMark has no definition lists"
        case .htmlAnchor: "this HTML anchor is left out, as raw HTML is not allowed, so links to it land nowhere"
        case .htmlImage: "this HTML image is left out, as raw HTML is not allowed"
        case .html: "this raw HTML is left out, as raw HTML is not allowed"
        }
    }

    private static func suggestion(for kind: Kind) -> String {
        switch kind {
        case .pipeTable: "write the rows as a list (`- **Column**: value`) or as headings and paragraphs"
        case .footnote: "write the note in the text, or in a \"Notes\" section that the text links to with `[note](#notes)`"
        case .taskListItem: "write the item without the box, or say its state in words (`- **Done:** ...`)"
        case .strikethrough: "delete the text, or explain the change in a change note (`> Change note: ...`)"
        case .definitionList: "write each term in bold at the start of a list item: `- **Term**: definition`"
        case .htmlAnchor: "put the anchor on the heading, as `## Title {#name}`, or keep an old anchor under `anchors:` in the front matter"
        case .htmlImage: "write the image in Markdown: `![what it shows](../media/NAME)`"
        case .html: "write it in Markdown; raw HTML is kept only when handbook.yml sets `allow_raw_html: true`"
        }
    }
}
