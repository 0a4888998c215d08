import CCmark
import Foundation

/// Applies render instructions to a freshly parsed tree, then renders it block by block.
struct InstructionRenderer {
    let tree: CmarkTree

    func render(_ instructions: RenderInstructions, listItems: Bool) -> RenderedDocument {
        let nodes = tree.numberedNodes()
        HeadingAnchorSyntax.strip(in: tree)
        let callouts = CalloutSyntax.callouts(in: tree)
        for (ordinal, rewrite) in instructions.links where ordinal < nodes.links.count {
            apply(rewrite, to: nodes.links[ordinal])
        }
        for ordinal in Set(instructions.identifierLinks.keys).union(instructions.droppedTextEnds.keys) where ordinal < nodes.texts.count {
            link(instructions.identifierLinks[ordinal] ?? [], droppingFrom: instructions.droppedTextEnds[ordinal], in: nodes.texts[ordinal])
        }
        for (ordinal, markup) in instructions.headings where ordinal < nodes.headings.count {
            replace(heading: nodes.headings[ordinal], with: markup)
        }
        CalloutSyntax.render(callouts)

        var rendered = RenderedDocument()
        var child = cmark_node_first_child(tree.root)
        while let node = child {
            rendered.blocks.append(instructions.hiddenBlocks.contains(rendered.blocks.count) ? "" : tree.html(of: node))
            if listItems && cmark_node_get_type(node) == CMARK_NODE_LIST {
                var item = cmark_node_first_child(node)
                while let current = item {
                    var content = ""
                    var part = cmark_node_first_child(current)
                    while let block = part {
                        content += tree.html(of: block)
                        part = cmark_node_next(block)
                    }
                    rendered.listItems.append(content)
                    item = cmark_node_next(current)
                }
            }
            child = cmark_node_next(node)
        }
        return rendered
    }

    /// Markup of the caller's own around inline content: cmark's links carry no class, and its
    /// headings no id. Custom nodes are written as they are, in safe mode too.
    private func customInline(_ markup: InlineMarkup) -> OpaquePointer? {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(node, markup.open)
        cmark_node_set_on_exit(node, markup.close)
        return node
    }

    private func textNode(_ text: String) -> OpaquePointer? {
        let node = cmark_node_new(CMARK_NODE_TEXT)
        cmark_node_set_literal(node, text)
        return node
    }

    private func apply(_ rewrite: RenderInstructions.LinkRewrite, to link: OpaquePointer) {
        if let replacement = rewrite.unlinked ?? (cmark_node_first_child(link) == nil ? rewrite.whenEmpty : nil) {
            let node = customInline(replacement.markup)
            if cmark_node_first_child(link) == nil {
                cmark_node_append_child(node, textNode(replacement.text))
            }
            while let child = cmark_node_first_child(link) {
                cmark_node_unlink(child)
                cmark_node_append_child(node, child)
            }
            cmark_node_replace(link, node)
            cmark_node_free(link)
            return
        }
        cmark_node_set_url(link, rewrite.url)
        if let title = rewrite.title, CmarkTree.string(cmark_node_get_title(link)).isEmpty {
            cmark_node_set_title(link, title)
        }
    }

    /// Splits a text node so that each identifier in it becomes a link.
    private func link(_ identifierLinks: [RenderInstructions.IdentifierLink], droppingFrom dropped: Int?, in text: OpaquePointer) {
        var bytes = Array(CmarkTree.string(cmark_node_get_literal(text)).utf8)
        // The dropped bytes end the text, so cutting them leaves every earlier link's range as it was.
        if let dropped, dropped <= bytes.count { bytes.removeSubrange(dropped...) }
        var cursor = 0
        for item in identifierLinks.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard item.range.lowerBound >= cursor, item.range.upperBound <= bytes.count else { continue }
            if item.range.lowerBound > cursor {
                cmark_node_insert_before(text, textNode(String(decoding: bytes[cursor..<item.range.lowerBound], as: UTF8.self)))
            }
            let link = customInline(item.markup)
            cmark_node_append_child(link, textNode(String(decoding: bytes[item.range], as: UTF8.self)))
            cmark_node_insert_before(text, link)
            cursor = item.range.upperBound
        }
        if cursor >= bytes.count {
            cmark_node_free(text)
        } else {
            cmark_node_set_literal(text, String(decoding: bytes[cursor...], as: UTF8.self))
        }
    }

    /// Replaces a heading with the given markup around its inline content.
    private func replace(heading: OpaquePointer, with markup: RenderInstructions.HeadingMarkup) {
        if markup.dropPrefixBytes > 0, let first = cmark_node_first_child(heading),
            cmark_node_get_type(first) == CMARK_NODE_TEXT
        {
            let bytes = Array(CmarkTree.string(cmark_node_get_literal(first)).utf8)
            if bytes.count <= markup.dropPrefixBytes {
                cmark_node_free(first)
            } else {
                cmark_node_set_literal(first, String(decoding: bytes[markup.dropPrefixBytes...], as: UTF8.self))
            }
        }
        if markup.dropSuffixBytes > 0, let last = cmark_node_last_child(heading),
            cmark_node_get_type(last) == CMARK_NODE_TEXT
        {
            let bytes = Array(CmarkTree.string(cmark_node_get_literal(last)).utf8)
            if bytes.count <= markup.dropSuffixBytes {
                cmark_node_free(last)
            } else {
                cmark_node_set_literal(last, String(decoding: bytes[..<(bytes.count - markup.dropSuffixBytes)], as: UTF8.self))
            }
        }
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        let inline = customInline(InlineMarkup(open: markup.open, close: markup.close))
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }
}
