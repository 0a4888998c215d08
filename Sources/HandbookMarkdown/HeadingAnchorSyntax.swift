import CCmark

/// `## Title {#name}`: an explicit anchor at the end of a heading, in its last text. The outline
/// reads it and the renderer removes it, from the same tree, so the two always agree.
enum HeadingAnchorSyntax {
    struct Found {
        var name: String
        /// Where the attribute starts in the text's UTF-8, with the blanks before it: what stays.
        var cut: Int
        /// Where `{#` is.
        var brace: Int
    }

    private static let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t")]

    /// The heading's last child, when it is text.
    static func lastText(of heading: OpaquePointer) -> OpaquePointer? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else { return nil }
        return last
    }

    /// `{#…}` ending `literal`, at its start or after a blank: whatever stands inside, so that a
    /// malformed name is reported rather than shown.
    static func find(in literal: [UInt8]) -> Found? {
        guard literal.last == UInt8(ascii: "}") else { return nil }
        let close = literal.count - 1
        guard let open = literal[..<close].lastIndex(of: UInt8(ascii: "{")),
            open + 1 < close, literal[open + 1] == UInt8(ascii: "#"),
            open == 0 || blank.contains(literal[open - 1])
        else { return nil }
        var cut = open
        while cut > 0, blank.contains(literal[cut - 1]) { cut -= 1 }
        return Found(name: String(decoding: literal[(open + 2)..<close], as: UTF8.self), cut: cut, brace: open)
    }

    static func find(inHeading heading: OpaquePointer) -> (text: OpaquePointer, found: Found)? {
        guard let text = lastText(of: heading) else { return nil }
        guard let found = find(in: Array(CmarkTree.string(cmark_node_get_literal(text)).utf8)) else { return nil }
        return (text, found)
    }

    /// Removes the attribute from every heading of `tree`. The text node stays, emptied if need
    /// be, so that the nodes keep the ordinals the outline gave them.
    static func strip(in tree: CmarkTree) {
        var headings: [OpaquePointer] = []
        tree.walk { node, entering in
            if entering && cmark_node_get_type(node) == CMARK_NODE_HEADING { headings.append(node) }
        }
        for heading in headings {
            guard let (text, found) = find(inHeading: heading) else { continue }
            let bytes = Array(CmarkTree.string(cmark_node_get_literal(text)).utf8)
            cmark_node_set_literal(text, String(decoding: bytes[..<found.cut], as: UTF8.self))
        }
    }
}
