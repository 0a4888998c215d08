import Foundation
import CCmark

/// Reads a `DocumentOutline` from a cmark tree in one walk.
struct OutlineBuilder {
    let tree: CmarkTree
    let file: String
    let grammar: any IdentifierGrammar

    func outline() -> DocumentOutline {
        var outline = DocumentOutline()
        let root = tree.root
        // The ordinals are the renderer's: both number the nodes `numberedNodes` lists.
        let numbered = tree.numberedNodes()
        let ordinals = [numbered.headings, numbered.links, numbered.texts].map { nodes in
            Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($0.element, $0.offset) })
        }
        let (headingOrdinals, linkOrdinals, textOrdinals) = (ordinals[0], ordinals[1], ordinals[2])
        var block = -1
        var tip: Int?
        var linkDepth = 0
        var inRuleHeading = false
        var anchorText: (node: OpaquePointer, cut: Int)?

        tree.walk { node, entering in
            let type = cmark_node_get_type(node)
            let parent = cmark_node_parent(node)
            let isTopLevel = parent == root
            // Read once: a top-level heading's text serves both its block and its heading.
            let heading = entering && type == CMARK_NODE_HEADING ? headingText(node) : nil

            if entering && isTopLevel {
                block += 1
                let kind: DocumentOutline.Block.Kind
                switch type {
                case CMARK_NODE_HEADING:
                    kind = .heading(level: Int(cmark_node_get_heading_level(node)), heading: headingOrdinals[node] ?? outline.headings.count)
                case CMARK_NODE_LIST: kind = .list
                default: kind = .other
                }
                let text = heading?.text ?? tree.plainText(of: node)
                if type == CMARK_NODE_BLOCK_QUOTE, let note = ChangeNoteLabel.text(after: text) {
                    outline.blocks.append(.init(kind: .changeNote, plainText: text))
                    outline.changeNotes.append(.init(block: block, text: note, location: location(of: node)))
                } else {
                    outline.blocks.append(.init(kind: kind, plainText: text))
                }
            }

            switch type {
            case CMARK_NODE_ITEM where parent.map { cmark_node_parent($0) == root } ?? false:
                if entering {
                    tip = outline.listItems.count
                    outline.listItems.append(.init(
                        block: block, lead: leadingStrongText(of: node),
                        plainText: tree.plainText(of: node), location: location(of: node)))
                } else {
                    tip = nil
                }
            case CMARK_NODE_HEADING:
                if entering, let (text, anchor) = heading {
                    let level = Int(cmark_node_get_heading_level(node))
                    anchorText = anchor.map { ($0.node, $0.cut) }
                    let (rule, refused) = isTopLevel && (2...4).contains(level)
                        ? (grammar.identifierAtEnd ? ruleHeadingAtEnd(node, text: text) : ruleHeading(node, text: text)) : (nil, nil)
                    outline.headings.append(.init(
                        ordinal: headingOrdinals[node] ?? outline.headings.count, level: level, text: text,
                        location: location(of: node), block: isTopLevel ? block : nil, rule: rule, refusedIdentifier: refused,
                        explicitAnchor: anchor?.anchor))
                    inRuleHeading = rule != nil
                } else if !entering {
                    inRuleHeading = false
                    anchorText = nil
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    outline.links.append(.init(
                        ordinal: linkOrdinals[node] ?? outline.links.count, isImage: type == CMARK_NODE_IMAGE,
                        url: CmarkTree.string(cmark_node_get_url(node)), title: CmarkTree.string(cmark_node_get_title(node)),
                        hasText: cmark_node_first_child(node) != nil, location: location(of: node),
                        block: block, tip: tip))
                    linkDepth += 1
                } else {
                    linkDepth -= 1
                }
            case CMARK_NODE_TEXT:
                guard linkDepth == 0, !inRuleHeading, let textOrdinal = textOrdinals[node] else { break }
                let literal = CmarkTree.string(cmark_node_get_literal(node))
                let start = location(of: node)
                // An explicit anchor's name is no mention of a rule.
                let end = anchorText.flatMap { $0.node == node ? $0.cut : nil } ?? Int.max
                let tokens = grammar.identifierTokens(in: literal).filter { $0.range.upperBound <= end }
                for token in tokens {
                    var at = start
                    at.column += token.range.lowerBound
                    outline.identifierTokens.append(.init(
                        textNode: textOrdinal, range: token.range, identifier: token.identifier,
                        location: at, block: block, tip: tip))
                }
                if let tip, !tokens.isEmpty, endsItem(node) {
                    outline.listItems[tip].trailingCitation = TrailingCitation.find(in: literal, textNode: textOrdinal, tokens: tokens)
                }
            default:
                break
            }
        }
        return outline
    }

    /// Whether a text node is the last thing in a top-level list item: the last inline of the
    /// item's last paragraph.
    private func endsItem(_ text: OpaquePointer) -> Bool {
        guard cmark_node_next(text) == nil, let paragraph = cmark_node_parent(text),
            cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH, cmark_node_next(paragraph) == nil,
            let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM
        else { return false }
        return cmark_node_parent(cmark_node_parent(item)) == tree.root
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        SourceLocation(
            file: file, line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)))
    }

    /// A heading that starts with an identifier (`## CONF-2 Title`), or the first word when it
    /// is shaped like one the grammar refuses.
    private func ruleHeading(_ heading: OpaquePointer, text whole: String) -> (DocumentOutline.RuleHeading?, refused: String?) {
        guard let first = cmark_node_first_child(heading), cmark_node_get_type(first) == CMARK_NODE_TEXT else {
            return (nil, nil)
        }
        let literal = Array(CmarkTree.string(cmark_node_get_literal(first)).utf8)
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func refused() -> String? {
            let word = Array(literal.prefix { !isBlank($0) })
            return grammar.refuses(word) ? String(decoding: word, as: UTF8.self) : nil
        }
        guard let length = grammar.identifierLength(atStartOf: literal) else { return (nil, refused()) }
        var end = length
        if end < literal.count {
            guard isBlank(literal[end]) else { return (nil, refused()) }
            while end < literal.count, isBlank(literal[end]) {
                end += 1
            }
        }
        let identifier = String(decoding: literal[0..<length], as: UTF8.self)
        let title = whole.utf8.count >= end
            ? String(decoding: Array(whole.utf8)[end...], as: UTF8.self) : ""
        return (.init(identifier: identifier, title: title.trimmingCharacters(in: .whitespaces), prefixByteCount: end), nil)
    }

    /// A heading that ends with its identifier in parentheses (`## Title (C-CASE)`), or what
    /// stands in them when it is shaped like an identifier the grammar refuses. (A heading that
    /// ends with `{#name}` after the parentheses is not read as a rule's: its anchor is its id.)
    private func ruleHeadingAtEnd(_ heading: OpaquePointer, text: String) -> (DocumentOutline.RuleHeading?, refused: String?) {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else {
            return (nil, nil)
        }
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var literal = Array(CmarkTree.string(cmark_node_get_literal(last)).utf8)
        while let byte = literal.last, isBlank(byte) { literal.removeLast() }
        guard literal.last == UInt8(ascii: ")"), let open = literal.lastIndex(of: UInt8(ascii: "(")) else { return (nil, nil) }
        let word = Array(literal[(open + 1)..<(literal.count - 1)])
        guard grammar.identifierLength(atStartOf: word) == word.count else {
            return (nil, grammar.refuses(word) ? String(decoding: word, as: UTF8.self) : nil)
        }
        var start = open
        while start > 0, isBlank(literal[start - 1]) { start -= 1 }
        let suffix = CmarkTree.string(cmark_node_get_literal(last)).utf8.count - start
        let whole = Array(text.utf8)
        let title = String(decoding: whole.prefix(max(0, whole.count - suffix)), as: UTF8.self)
        return (.init(
            identifier: String(decoding: word, as: UTF8.self), title: title.trimmingCharacters(in: .whitespaces),
            prefixByteCount: 0, suffixByteCount: suffix), nil)
    }

    /// The text of a list item's leading `**bold**` phrase, if it starts with one.
    private func leadingStrongText(of item: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let strong = cmark_node_first_child(paragraph), cmark_node_get_type(strong) == CMARK_NODE_STRONG
        else { return nil }
        let text = tree.plainText(of: strong).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
