import Foundation
import CCmark

extension OutlineBuilder {
    /// A heading's text as a reader sees it, without its `{#name}`, and that anchor.
    func headingText(_ heading: OpaquePointer) -> (
        text: String, anchor: (anchor: DocumentOutline.ExplicitAnchor, node: OpaquePointer, cut: Int)?
    ) {
        let whole = tree.plainText(of: heading)
        guard let (node, found) = HeadingAnchorSyntax.find(inHeading: heading) else { return (whole, nil) }
        let literalCount = CmarkTree.string(cmark_node_get_literal(node)).utf8.count
        let bytes = Array(whole.utf8)
        let kept = max(0, bytes.count - (literalCount - found.cut))
        let text = String(decoding: bytes[..<kept], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        var at = SourceLocation(
            file: file, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        at.column += found.brace
        return (text, (.init(name: found.name, location: at), node, found.cut))
    }
}
