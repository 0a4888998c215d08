import Foundation

/// The fuzz target's oracle: what no page of the site may ever contain, whatever the content.
/// Every `<` in text is escaped by cmark and the templates, so each `<` in a page starts real
/// markup, which is read tag by tag with its attributes.
enum SafeMarkup {
    /// The elements the templates and cmark's safe HTML produce; anything else came from content.
    static let elements: Set<String> = [
        "a", "article", "aside", "base", "blockquote", "body", "br", "button", "code", "del", "details", "div", "em",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
        "img", "input", "ins", "label", "li", "link", "main", "mark", "meta", "nav", "noscript", "ol", "p", "pre",
        "script", "section", "small", "span", "strong", "summary", "time", "title", "ul",
    ]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"]

    /// The first problem in `html`, or nil when it is safe.
    static func problem(in html: String) -> String? {
        let bytes = Array(html.utf8)
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            if bytes[index...].starts(with: Array("!--".utf8)) {
                guard let end = endOf(Array("-->".utf8), in: bytes, from: index) else { return "an unclosed comment" }
                index = end
                continue
            }
            if bytes[index...].starts(with: Array("!".utf8)) || bytes[index...].starts(with: Array("/".utf8)) {
                index = bytes[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
                continue
            }
            var tag = Tag(bytes: bytes, position: index)
            guard let name = tag.name() else { return "a '<' that is not escaped, at byte \(open)" }
            guard elements.contains(name) else { return "an element <\(name)> the site never makes, at byte \(open)" }
            var attributes: [String: String] = [:]
            while let (attribute, value) = tag.attribute() {
                if attribute.hasPrefix("on") { return "an event handler \(attribute)= on <\(name)>, at byte \(open)" }
                if urlAttributes.contains(attribute), let scheme = unsafeScheme(value) {
                    return "a \(scheme) URL in \(attribute)= on <\(name)>, at byte \(open)"
                }
                attributes[attribute] = value
            }
            guard tag.closed else { return "a tag <\(name)> that does not end, at byte \(open)" }
            index = tag.position
            if name == "script" {
                // Relative, or from the site's root on the same host (the page for a missing
                // address); never from another host, with a scheme or protocol-relative (`//`).
                guard let source = attributes["src"], !source.hasPrefix("//"), !source.hasPrefix("/\\"), !source.contains(":") || source.hasPrefix("/") else {
                    return "a script that is not a site asset, at byte \(open)"
                }
                guard bytes[index...].starts(with: Array("</script>".utf8)) else { return "a script with inline code, at byte \(open)" }
            }
        }
        return nil
    }

    /// `javascript:`, `vbscript:` or a `data:` URL that is not an image, as a browser reads it.
    private static func unsafeScheme(_ value: String) -> String? {
        let decoded = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#58;", with: ":")
            .replacingOccurrences(of: "&colon;", with: ":")
        let compact = String(decoded.lowercased().unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" })
        for scheme in ["javascript:", "vbscript:"] where compact.hasPrefix(scheme) { return scheme }
        if compact.hasPrefix("data:"), !compact.hasPrefix("data:image/png"), !compact.hasPrefix("data:image/gif"),
            !compact.hasPrefix("data:image/jpeg"), !compact.hasPrefix("data:image/webp")
        {
            return "data:"
        }
        return nil
    }

    /// A start tag, read from just after its `<`.
    private struct Tag {
        let bytes: [UInt8]
        var position: Int
        var closed = false

        init(bytes: [UInt8], position: Int) {
            self.bytes = bytes
            self.position = position
        }

        private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
        private func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        private func isLetterOrDigit(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) }

        mutating func name() -> String? {
            let start = position
            while position < bytes.count, isLetterOrDigit(bytes[position]) { position += 1 }
            guard position > start, isLetter(bytes[start]) else { return nil }
            return String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
        }

        mutating func attribute() -> (String, String)? {
            while position < bytes.count, isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1 }
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                closed = true
                return nil
            }
            let start = position
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "="),
                bytes[position] != UInt8(ascii: ">")
            {
                position += 1
            }
            let name = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return (name, "") }
            position += 1
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count else { return (name, "") }
            let quote = bytes[position]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = position + 1
                guard let end = bytes[valueStart...].firstIndex(of: quote) else {
                    position = bytes.count
                    return (name, "")
                }
                position = end + 1
                return (name, String(decoding: bytes[valueStart..<end], as: UTF8.self))
            }
            let valueStart = position
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
            return (name, String(decoding: bytes[valueStart..<position], as: UTF8.self))
        }
    }
}

/// The index just after the first `needle` at or after `start`.
private func endOf(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + needle.count <= bytes.count {
        if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index + needle.count }
        index += 1
    }
    return nil
}
