import CCmark

/// Notes, in one walk of the tree, the callout markers and the constructs of other Markdown
/// dialects that cmark leaves as text or drops. Only prose is looked at: code spans and code
/// blocks are other node types, so what they show is never taken for a construct.
struct SyntaxScanner {
    let tree: CmarkTree
    let file: String

    func scan(into outline: inout DocumentOutline) {
        tree.walk { node, entering in
            guard entering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_BLOCK_QUOTE:
                if let marker = CalloutSyntax.marker(of: node) {
                    outline.callouts.append(.init(
                        marker: marker.word, kind: CalloutKind(marker: marker.word), aloneOnLine: marker.aloneOnLine,
                        location: location(of: node)))
                }
            case CMARK_NODE_TEXT:
                for (kind, offset) in UnsupportedText.kinds(of: node) {
                    var at = location(of: node)
                    at.column += offset
                    outline.unsupported.append(.init(kind: kind, location: at))
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                guard !tree.allowRawHTML,
                    let kind = UnsupportedText.htmlKind(CmarkTree.string(cmark_node_get_literal(node)))
                else { return }
                outline.unsupported.append(.init(kind: kind, location: location(of: node)))
            default:
                break
            }
        }
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        SourceLocation(file: file, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }
}
