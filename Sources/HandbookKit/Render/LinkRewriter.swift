/// Rewrites the internal links of rendered page content for another place: the print edition,
/// the EPUB, handbook.json. Content is rendered once, for pages one folder below the site root,
/// so every internal link in it starts with `../`; external links never do.
///
/// Both functions scan the UTF-8 bytes once, as the print edition is one large string.
enum LinkRewriter {
    private static let quote = UInt8(ascii: "\"")
    /// The attribute openings each function looks for, as bytes once and for all (this scan runs
    /// at every space and `<` of the whole print edition).
    private static let linkAttributes = [" href=\"../", " src=\"../"].map { Array($0.utf8) }
    /// The openings `HeadingMarkup` writes. Only chapter content is scanned: tips' anchors are
    /// prefixed in the model (`PrintEdition`), not in the template's output.
    private static let idAttributes = (1...6).map { Array("<h\($0) id=\"".utf8) }

    /// Replaces each `href` and `src` value that starts with `../` by `transform(rest)`, where
    /// `rest` is the value without `../`; nil keeps the value.
    static func rewrite(_ html: String, _ transform: (String) -> String?) -> String {
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let start = valueStart(in: bytes, at: index, attributes: linkAttributes) {
                let valueBegin = start + 3  // after "../"
                if let end = bytes[valueBegin...].firstIndex(of: quote) {
                    let value = String(decoding: bytes[valueBegin..<end], as: UTF8.self)
                    result.append(contentsOf: bytes[index..<start])
                    if let replacement = transform(value) {
                        result.append(contentsOf: replacement.utf8)
                    } else {
                        result.append(contentsOf: bytes[start..<end])
                    }
                    index = end
                    continue
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Prefixes the `id` of every heading whose id does not satisfy `keep`
    /// (rule identifiers are unique in the whole handbook; slugs only within their page).
    static func prefixHeadingIDs(_ html: String, prefix: String, keep: (String) -> Bool) -> String {
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 1024)
        var index = 0
        while index < bytes.count {
            if let start = valueStart(in: bytes, at: index, attributes: idAttributes),
                let end = bytes[start...].firstIndex(of: quote)
            {
                result.append(contentsOf: bytes[index..<start])
                let id = String(decoding: bytes[start..<end], as: UTF8.self)
                if !keep(id) { result.append(contentsOf: prefix.utf8) }
                result.append(contentsOf: bytes[start..<end])
                index = end
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// If one of `attributes` starts at `index`, where its value starts (after the opening quote,
    /// or, for the `../` forms, at the `../`).
    private static func valueStart(in bytes: [UInt8], at index: Int, attributes: [[UInt8]]) -> Int? {
        let first = bytes[index]
        guard first == UInt8(ascii: " ") || first == UInt8(ascii: "<") else { return nil }
        for pattern in attributes {
            guard index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) else { continue }
            let dotDot = pattern.suffix(3).elementsEqual("../".utf8) ? 3 : 0
            return index + pattern.count - dotDot
        }
        return nil
    }
}
