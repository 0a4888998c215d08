import CCmark
import Foundation

/// One Markdown document parsed by cmark.
///
/// The cmark tree never leaves this type: callers get Swift values (an outline) and give Swift
/// values back (render instructions). Rendering changes the tree, so a document kept for a
/// later build (`handbook serve`) is parsed again from its text when it is rendered again; the
/// lock keeps two tasks from rendering it at once.
final class MarkdownDocument: @unchecked Sendable {
    private var root: OpaquePointer
    private var rendered = false
    private let lock = NSLock()
    private let markdown: String
    private let allowRawHTML: Bool
    private let file: String

    init(markdown: String, file: String, allowRawHTML: Bool) {
        root = Self.parse(markdown, allowRawHTML: allowRawHTML)
        self.markdown = markdown
        self.allowRawHTML = allowRawHTML
        self.file = file
    }

    deinit {
        cmark_node_free(root)
    }

    private static func parse(_ markdown: String, allowRawHTML: Bool) -> OpaquePointer {
        var markdown = markdown
        let options = CMARK_OPT_SOURCEPOS | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        let root = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }!
        // Adjacent text nodes (split at escapes and entities) become one, so identifiers are
        // found whole and word boundaries are seen.
        cmark_consolidate_text_nodes(root)
        return root
    }

    // MARK: - Outline

    func outline() -> DocumentOutline {
        var outline = DocumentOutline()
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }

        var block = -1
        var tip: Int?
        var linkDepth = 0
        var inRuleHeading = false
        var textOrdinal = 0

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            let parent = cmark_node_parent(node)
            let isTopLevel = parent == root

            if entering && isTopLevel {
                block += 1
                let kind: DocumentOutline.Block.Kind
                switch type {
                case CMARK_NODE_HEADING:
                    kind = .heading(level: Int(cmark_node_get_heading_level(node)), heading: outline.headings.count)
                case CMARK_NODE_LIST: kind = .list
                default: kind = .other
                }
                let text = Self.plainText(of: node)
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
                        block: block, lead: Self.leadingStrongText(of: node),
                        plainText: Self.plainText(of: node), location: location(of: node)))
                } else {
                    tip = nil
                }
            case CMARK_NODE_HEADING:
                if entering {
                    let level = Int(cmark_node_get_heading_level(node))
                    let rule = isTopLevel && (2...4).contains(level) ? Self.ruleHeading(node) : nil
                    outline.headings.append(.init(
                        ordinal: outline.headings.count, level: level, text: Self.plainText(of: node),
                        location: location(of: node), block: isTopLevel ? block : nil, rule: rule))
                    inRuleHeading = rule != nil
                } else {
                    inRuleHeading = false
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    outline.links.append(.init(
                        ordinal: outline.links.count, isImage: type == CMARK_NODE_IMAGE,
                        url: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)),
                        hasText: cmark_node_first_child(node) != nil, location: location(of: node),
                        block: block, tip: tip))
                    linkDepth += 1
                } else {
                    linkDepth -= 1
                }
            case CMARK_NODE_TEXT:
                defer { textOrdinal += 1 }
                guard linkDepth == 0, !inRuleHeading else { break }
                let literal = Self.string(cmark_node_get_literal(node))
                let start = location(of: node)
                for token in RuleIdentifier.tokens(in: literal) {
                    var at = start
                    at.column += token.range.lowerBound
                    outline.identifierTokens.append(.init(
                        textNode: textOrdinal, range: token.range, identifier: token.identifier,
                        location: at, block: block, tip: tip))
                }
            default:
                break
            }
        }
        return outline
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        SourceLocation(
            file: file, line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)))
    }

    private static func ruleHeading(_ heading: OpaquePointer) -> DocumentOutline.RuleHeading? {
        guard let first = cmark_node_first_child(heading), cmark_node_get_type(first) == CMARK_NODE_TEXT else {
            return nil
        }
        let literal = Array(string(cmark_node_get_literal(first)).utf8)
        guard let length = RuleIdentifier.match(in: literal, at: 0) else { return nil }
        var end = length
        if end < literal.count {
            guard literal[end] == UInt8(ascii: " ") || literal[end] == UInt8(ascii: "\t") else { return nil }
            while end < literal.count, literal[end] == UInt8(ascii: " ") || literal[end] == UInt8(ascii: "\t") {
                end += 1
            }
        }
        let identifier = String(decoding: literal[0..<length], as: UTF8.self)
        let whole = plainText(of: heading)
        let title = whole.utf8.count >= end
            ? String(decoding: Array(whole.utf8)[end...], as: UTF8.self) : ""
        return .init(identifier: identifier, title: title.trimmingCharacters(in: .whitespaces), prefixByteCount: end)
    }

    /// The text of a list item's leading `**bold**` phrase, if it starts with one.
    private static func leadingStrongText(of item: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let strong = cmark_node_first_child(paragraph), cmark_node_get_type(strong) == CMARK_NODE_STRONG
        else { return nil }
        let text = plainText(of: strong).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The text of a subtree as a reader sees it: blocks on their own lines, no markup.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += string(cmark_node_get_literal(current))
            case CMARK_NODE_CODE_BLOCK:
                text += string(cmark_node_get_literal(current))
                text += "\n"
            case CMARK_NODE_SOFTBREAK:
                text += " "
            case CMARK_NODE_LINEBREAK:
                text += "\n"
            case CMARK_NODE_LINK where event == CMARK_EVENT_ENTER && cmark_node_first_child(current) == nil:
                // `[](rule:CONF-1)` shows the identifier.
                let url = string(cmark_node_get_url(current))
                if url.hasPrefix("rule:") { text += url.dropFirst(5) }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if event == CMARK_EVENT_EXIT && current != node { text += "\n" }
            default:
                break
            }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    // MARK: - Render

    /// Applies `instructions` to the tree and renders each top-level block to HTML, and, for
    /// tip lists, the content of each top-level list item.
    ///
    /// This changes the tree: a second rendering starts from a tree parsed again.
    func render(_ instructions: RenderInstructions, listItems: Bool = false) -> RenderedDocument {
        lock.lock()
        defer { lock.unlock() }
        if rendered {
            cmark_node_free(root)
            root = Self.parse(markdown, allowRawHTML: allowRawHTML)
        }
        rendered = true
        var headings: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            case CMARK_NODE_TEXT: texts.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)

        for (ordinal, rewrite) in instructions.links where ordinal < links.count {
            Self.apply(rewrite, to: links[ordinal])
        }
        for (ordinal, identifierLinks) in instructions.identifierLinks where ordinal < texts.count {
            Self.link(identifierLinks, in: texts[ordinal])
        }
        for (ordinal, markup) in instructions.headings where ordinal < headings.count {
            Self.replace(heading: headings[ordinal], with: markup)
        }

        var rendered = RenderedDocument()
        var child = cmark_node_first_child(root)
        while let node = child {
            rendered.blocks.append(instructions.hiddenBlocks.contains(rendered.blocks.count) ? "" : html(of: node))
            if listItems && cmark_node_get_type(node) == CMARK_NODE_LIST {
                var item = cmark_node_first_child(node)
                while let current = item {
                    var content = ""
                    var part = cmark_node_first_child(current)
                    while let block = part {
                        content += html(of: block)
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

    private func html(of node: OpaquePointer) -> String {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let html = cmark_render_html(node, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// A link that shows a rule identifier, written as our own markup so it can carry a class
    /// (cmark's links have none). The URL and title are ours, escaped here.
    private static func identifierLink(url: String, title: String) -> OpaquePointer? {
        let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(link, "<a class=\"rule-ref\" href=\"\(HTML.escape(url))\" title=\"\(HTML.escape(title))\">")
        cmark_node_set_on_exit(link, "</a>")
        return link
    }

    private static func apply(_ rewrite: RenderInstructions.LinkRewrite, to link: OpaquePointer) {
        if let text = rewrite.textWhenEmpty, cmark_node_first_child(link) == nil {
            let replacement = identifierLink(url: rewrite.url, title: rewrite.title ?? text)
            let label = cmark_node_new(CMARK_NODE_TEXT)
            cmark_node_set_literal(label, text)
            cmark_node_append_child(replacement, label)
            cmark_node_replace(link, replacement)
            cmark_node_free(link)
            return
        }
        cmark_node_set_url(link, rewrite.url)
        if let title = rewrite.title, string(cmark_node_get_title(link)).isEmpty {
            cmark_node_set_title(link, title)
        }
    }

    /// Splits a text node so that each identifier in it becomes a link.
    private static func link(_ identifierLinks: [RenderInstructions.IdentifierLink], in text: OpaquePointer) {
        let bytes = Array(string(cmark_node_get_literal(text)).utf8)
        var cursor = 0
        for item in identifierLinks.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard item.range.lowerBound >= cursor, item.range.upperBound <= bytes.count else { continue }
            if item.range.lowerBound > cursor {
                let before = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(before, String(decoding: bytes[cursor..<item.range.lowerBound], as: UTF8.self))
                cmark_node_insert_before(text, before)
            }
            let link = identifierLink(url: item.url, title: item.title)
            let label = cmark_node_new(CMARK_NODE_TEXT)
            cmark_node_set_literal(label, String(decoding: bytes[item.range], as: UTF8.self))
            cmark_node_append_child(link, label)
            cmark_node_insert_before(text, link)
            cursor = item.range.upperBound
        }
        if cursor >= bytes.count {
            cmark_node_free(text)
        } else {
            cmark_node_set_literal(text, String(decoding: bytes[cursor...], as: UTF8.self))
        }
    }

    /// Replaces a heading with our own markup around its inline content, so that it gets an
    /// id (cmark's renderer writes none). Custom nodes are written as they are, in safe mode too.
    private static func replace(heading: OpaquePointer, with markup: RenderInstructions.HeadingMarkup) {
        if markup.dropPrefixBytes > 0, let first = cmark_node_first_child(heading),
            cmark_node_get_type(first) == CMARK_NODE_TEXT
        {
            let bytes = Array(string(cmark_node_get_literal(first)).utf8)
            if bytes.count <= markup.dropPrefixBytes {
                cmark_node_free(first)
            } else {
                cmark_node_set_literal(first, String(decoding: bytes[markup.dropPrefixBytes...], as: UTF8.self))
            }
        }
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(inline, markup.open)
        cmark_node_set_on_exit(inline, markup.close)
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }
}

/// A document rendered to HTML, block by block.
struct RenderedDocument: Sendable {
    /// One string per top-level block.
    var blocks: [String] = []
    /// The content of each top-level list item, when asked for.
    var listItems: [String] = []
}

/// What the renderer changes in a document: link targets, identifiers that become links, and
/// the markup of headings. Keys are the ordinals of `DocumentOutline`.
struct RenderInstructions: Sendable, Hashable {
    struct LinkRewrite: Sendable, Hashable {
        var url: String
        var title: String?
        /// Link text for a link written with none, `[](rule:CONF-1)`.
        var textWhenEmpty: String?
    }

    struct IdentifierLink: Sendable, Hashable {
        var range: Range<Int>
        var url: String
        var title: String
    }

    struct HeadingMarkup: Sendable, Hashable {
        var open: String
        var close: String
        /// Bytes to drop from the start of the heading's first text (a rule's identifier).
        var dropPrefixBytes: Int = 0
    }

    var links: [Int: LinkRewrite] = [:]
    var identifierLinks: [Int: [IdentifierLink]] = [:]
    var headings: [Int: HeadingMarkup] = [:]
    /// Top-level blocks rendered as nothing: change notes, which are shown with the changes.
    var hiddenBlocks: Set<Int> = []
}

/// The label that makes a block quote a change note: `> Change note: ...`, in any case, the
/// label in bold or not. Plain Markdown, so the note reads as a quote anywhere else.
enum ChangeNoteLabel {
    static let label = "change note:"

    /// The note's text, or nil when `text` does not start with the label.
    static func text(after text: String) -> String? {
        guard text.prefix(label.count).lowercased() == label else { return nil }
        return text.dropFirst(label.count).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
