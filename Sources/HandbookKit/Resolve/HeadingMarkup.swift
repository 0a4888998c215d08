import HandbookMarkdown

/// The HTML that opens and closes a heading, with its anchor, written around cmark's
/// rendering of the heading's text.
enum HeadingMarkup {
    static func plain(level: Int, id: String) -> RenderInstructions.HeadingMarkup {
        .init(open: "<h\(level) id=\"\(HTML.escape(id))\">", close: "</h\(level)>")
    }

    /// A rule heading: its identifier shown apart and linked to the rule's permalink page.
    static func rule(
        level: Int, rule: DocumentOutline.RuleHeading, permalink: String
    ) -> RenderInstructions.HeadingMarkup {
        let id = HTML.escape(rule.identifier)
        return .init(
            open: "<h\(level) id=\"\(id)\" class=\"rule-heading\"><a class=\"rule-id\" href=\"\(HTML.escape(permalink))\">\(id)</a> <span class=\"rule-title\">",
            close: "</span></h\(level)>",
            dropPrefixBytes: rule.prefixByteCount)
    }
}

enum HTML {
    /// Escapes text for use in HTML content and quoted attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
