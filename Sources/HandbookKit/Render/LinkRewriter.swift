/// Rewrites the internal links of rendered page content for another place: the print edition,
/// the EPUB, handbook.json. Content is rendered once, for pages one folder below the site root,
/// so every internal link in it starts with `../`; external links never do.
enum LinkRewriter {
    /// Replaces each `href` and `src` value that starts with `../` by `transform(rest)`, where
    /// `rest` is the value without `../`; nil keeps the value.
    static func rewrite(_ html: String, _ transform: (String) -> String?) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let match = rest.range(of: "=\"../") {
            let attribute = rest[..<match.lowerBound]
            guard attribute.hasSuffix(" href") || attribute.hasSuffix(" src") else {
                result += rest[..<match.upperBound]
                rest = rest[match.upperBound...]
                continue
            }
            result += rest[..<match.lowerBound]
            result += "=\""
            let valueStart = match.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else {
                result += "../"
                rest = rest[valueStart...]
                continue
            }
            let value = String(rest[valueStart..<end])
            result += transform(value) ?? "../" + value
            rest = rest[end...]
        }
        result += rest
        return result
    }

    /// Prefixes the `id` of every heading whose id does not satisfy `keep` (rule identifiers are
    /// unique in the whole handbook; slugs only within their page).
    static func prefixHeadingIDs(_ html: String, prefix: String, keep: (String) -> Bool) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let match = rest.range(of: " id=\"") {
            let before = rest[..<match.lowerBound]
            result += rest[..<match.upperBound]
            rest = rest[match.upperBound...]
            guard before.range(of: "<h", options: .backwards).map({ before.distance(from: $0.lowerBound, to: before.endIndex) <= 3 }) ?? false
                || before.hasSuffix("<li class=\"tip\""),
                let end = rest.firstIndex(of: "\"")
            else { continue }
            let id = String(rest[..<end])
            if !keep(id) { result += prefix }
        }
        result += rest
        return result
    }
}
