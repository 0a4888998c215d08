import Foundation
import CCmark

/// A cmark tree, owned for the length of one operation and freed with it. It never leaves this
/// target: `MarkdownDocument` parses one, reads or renders it, and lets it go.
final class CmarkTree {
    let root: OpaquePointer
    let allowRawHTML: Bool

    init(markdown: String, allowRawHTML: Bool) {
        var markdown = markdown
        let options = CMARK_OPT_SOURCEPOS | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        root = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }!
        self.allowRawHTML = allowRawHTML
        // Adjacent text nodes (split at escapes and entities) become one, so identifiers are
        // found whole and word boundaries are seen.
        cmark_consolidate_text_nodes(root)
    }

    deinit {
        cmark_node_free(root)
    }

    /// Calls `visit` for every node in document order, entering and leaving.
    func walk(from node: OpaquePointer? = nil, _ visit: (_ node: OpaquePointer, _ entering: Bool) -> Void) {
        let iterator = cmark_iter_new(node ?? root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// The nodes the outline numbers, each kind in document order: the ordinals of
    /// `DocumentOutline` index these arrays, for the outline and the renderer alike.
    func numberedNodes() -> (headings: [OpaquePointer], links: [OpaquePointer], texts: [OpaquePointer]) {
        var headings: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        walk { node, entering in
            guard entering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            case CMARK_NODE_TEXT: texts.append(node)
            default: break
            }
        }
        return (headings, links, texts)
    }

    func html(of node: OpaquePointer) -> String {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let html = cmark_render_html(node, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// The text of a subtree as a reader sees it: blocks on their own lines, no markup. Gathered
    /// as bytes, and trimmed of ASCII white space before Foundation is asked about the rest:
    /// appending each literal as a String and trimming with a character set was a twentieth of
    /// a whole build, as every block's text is asked for.
    func plainText(of node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        func append(_ literal: UnsafePointer<CChar>?) {
            guard let literal else { return }
            literal.withMemoryRebound(to: UInt8.self, capacity: strlen(literal) + 1) { start in
                bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(literal)))
            }
        }
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT:
                // A callout's marker reads as its title, as it is shown.
                if let title = CalloutSyntax.title(ifMarker: current) {
                    bytes.append(contentsOf: title.utf8)
                    bytes.append(UInt8(ascii: ":"))
                } else {
                    append(cmark_node_get_literal(current))
                }
            case CMARK_NODE_CODE:
                append(cmark_node_get_literal(current))
            case CMARK_NODE_CODE_BLOCK:
                append(cmark_node_get_literal(current))
                bytes.append(UInt8(ascii: "\n"))
            case CMARK_NODE_SOFTBREAK:
                bytes.append(UInt8(ascii: " "))
            case CMARK_NODE_LINEBREAK:
                bytes.append(UInt8(ascii: "\n"))
            case CMARK_NODE_LINK where event == CMARK_EVENT_ENTER && cmark_node_first_child(current) == nil:
                // `[](rule:CONF-1)` shows the identifier.
                let url = Self.string(cmark_node_get_url(current))
                if url.hasPrefix("rule:") { bytes.append(contentsOf: url.utf8.dropFirst(5)) }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if event == CMARK_EVENT_EXIT && current != node { bytes.append(UInt8(ascii: "\n")) }
            default:
                break
            }
        }
        return Self.trimmed(bytes)
    }

    /// `bytes` as text without white space or line ends at either end.
    static func trimmed(_ bytes: [UInt8]) -> String {
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        // Other white space (a no-break space, an ideographic space) is not ASCII.
        guard start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
