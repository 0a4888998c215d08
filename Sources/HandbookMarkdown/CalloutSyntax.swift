import CCmark

/// `> [!NOTE]`: GitHub's alert syntax. The outline notes each marker (for diagnostics) and the
/// renderer turns the quotes whose marker names a kind into callouts, reading the same tree.
enum CalloutSyntax {
    struct Marker {
        var word: String
        var aloneOnLine: Bool
        /// The paragraph and text that hold the marker.
        var paragraph: OpaquePointer
        var text: OpaquePointer
    }

    /// The marker that opens `quote`, if its first paragraph starts with `[!WORD]`.
    static func marker(of quote: OpaquePointer) -> Marker? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT
        else { return nil }
        let literal = Array(CmarkTree.string(cmark_node_get_literal(text)).utf8)
        guard literal.count > 3, literal[0] == UInt8(ascii: "["), literal[1] == UInt8(ascii: "!"),
            let close = literal.firstIndex(of: UInt8(ascii: "]"))
        else { return nil }
        let word = literal[2..<close]
        guard !word.isEmpty, word.count <= 32, word.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else {
            return nil
        }
        let restOfLine = literal[(close + 1)...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let next = cmark_node_next(text)
        let lineEnds = next == nil || [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(next))
        return Marker(
            word: String(decoding: word, as: UTF8.self), aloneOnLine: restOfLine && lineEnds,
            paragraph: paragraph, text: text)
    }

    /// The callout's title when `text` is the marker of a callout, which plain text shows
    /// instead of the marker.
    static func title(ifMarker text: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_parent(text), cmark_node_previous(text) == nil,
            let quote = cmark_node_parent(paragraph), cmark_node_get_type(quote) == CMARK_NODE_BLOCK_QUOTE,
            let marker = marker(of: quote), marker.text == text, marker.aloneOnLine
        else { return nil }
        return CalloutKind(marker: marker.word)?.title
    }

    /// The quotes of `tree` that are callouts, with their kinds, in document order.
    static func callouts(in tree: CmarkTree) -> [(quote: OpaquePointer, kind: CalloutKind)] {
        var found: [(OpaquePointer, CalloutKind)] = []
        tree.walk { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE, let marker = marker(of: node),
                marker.aloneOnLine, let kind = CalloutKind(marker: marker.word)
            else { return }
            found.append((node, kind))
        }
        return found
    }

    /// Replaces each quote by a custom block that holds its content without the marker line.
    /// Called once the render instructions are applied, which number the marker's text node.
    static func render(_ callouts: [(quote: OpaquePointer, kind: CalloutKind)]) {
        for (quote, kind) in callouts {
            if let marker = marker(of: quote) {
                if let lineEnd = cmark_node_next(marker.text) { cmark_node_free(lineEnd) }
                cmark_node_free(marker.text)
                if cmark_node_first_child(marker.paragraph) == nil { cmark_node_free(marker.paragraph) }
            }
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(block, kind.openingHTML)
            cmark_node_set_on_exit(block, CalloutKind.closingHTML)
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(quote, block)
            cmark_node_free(quote)
        }
    }
}
