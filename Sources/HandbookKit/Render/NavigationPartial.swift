/// `partials/chapter-nav`, the list of chapters and tip lists in every page's sidebar: with a
/// hundred chapters it was two thirds of the time of rendering the pages, though nearly every
/// page shows the same list. When the partial reads only the navigation (`isShared`), it is
/// rendered once per distinct list (`PageContext`) and the pages' templates take that text.
enum NavigationPartial {
    static let name = "partials/chapter-nav"

    /// What the pages' templates get in the partial's place: the text rendered once.
    static let placeholder = "{{{\(TemplateKey.chapterNavigation.rawValue)}}}"

    /// Whether the partial's text depends on `site`, `root` and `nav` alone, so that pages with
    /// the same three show the same text. Any other name outside a list of `nav` (where the
    /// list's items answer it) could be a page's own value, and so could a partial inside it,
    /// changed delimiters or a block; then it is rendered on every page, as written.
    static func isShared(_ text: String) -> Bool {
        guard let tags = try? MustacheTags.tags(in: text) else { return false }
        var open: [String] = []
        for tag in tags {
            let enclosing = open
            switch tag.sigil {
            case "!": continue
            case ">", "<", "$": return false
            case "/":
                guard open.popLast() == tag.name else { return false }
                continue
            case "#", "^": open.append(tag.name)
            default: break
            }
            let first = tag.name.split(separator: ".").first.map(String.init) ?? tag.name
            if ["site", "root", "nav"].contains(first) { continue }
            guard itemKeys.contains(first), enclosing.contains(where: lists.contains) else { return false }
        }
        return open.isEmpty
    }

    /// The lists of `nav`, and the keys of their items (a link, or a part's section of links).
    private static let lists: Set<String> = ["nav.chapters", "nav.tipLists", "nav.parts", "chapters"]
    private static let itemKeys: Set<String> = [
        ".", "url", "current", "currentSection", "title", "number", "isPart", "part", "start", "chapters",
    ]
}
