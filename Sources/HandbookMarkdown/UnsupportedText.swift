import CCmark

/// How a construct of another Markdown dialect looks once cmark has read it as CommonMark: the
/// text of one line (cmark splits lines at soft breaks) or a raw HTML node.
enum UnsupportedText {
    typealias Kind = DocumentOutline.UnsupportedSyntax.Kind

    /// The constructs `text` shows, each with its UTF-8 offset in the text.
    static func kinds(of text: OpaquePointer) -> [(kind: Kind, offset: Int)] {
        let literal = Array(CmarkTree.string(cmark_node_get_literal(text)).utf8)
        guard !literal.isEmpty else { return [] }
        let previous = cmark_node_previous(text)
        let startsLine = previous == nil || [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(previous))
        let parent = cmark_node_parent(text)
        let inParagraph = parent.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH } ?? false
        var kinds: [(Kind, Int)] = []
        if inParagraph && startsLine && previous != nil && isDelimiterRow(literal) { kinds.append((.pipeTable, 0)) }
        if let offset = footnote(in: literal) {
            kinds.append((.footnote, offset))
        } else if previous == nil, literal.first == UInt8(ascii: "^"), let link = parent, cmark_node_get_type(link) == CMARK_NODE_LINK {
            // `[^1]: https://…` is a link reference definition, so `[^1]` became a link.
            kinds.append((.footnote, 0))
        }
        if inParagraph && previous == nil && isTaskMarker(literal), let paragraph = parent,
            cmark_node_previous(paragraph) == nil, let item = cmark_node_parent(paragraph),
            cmark_node_get_type(item) == CMARK_NODE_ITEM
        {
            kinds.append((.taskListItem, 0))
        }
        if let offset = strikethrough(in: literal) { kinds.append((.strikethrough, offset)) }
        if inParagraph && startsLine && isDefinition(literal) {
            // `Term` then `: definition`: on the next line of one paragraph, or as a paragraph
            // of its own right after the term's.
            let afterTerm = previous != nil
                || parent.flatMap { cmark_node_previous($0) }.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH } ?? false
            if afterTerm { kinds.append((.definitionList, 0)) }
        }
        return kinds
    }

    /// `|---|:--:|`, `--- | ---`: cells of dashes with optional colons, at least one pipe.
    static func isDelimiterRow(_ line: [UInt8]) -> Bool {
        let pipe = UInt8(ascii: "|")
        guard line.contains(pipe) else { return false }
        var cells = line.split(separator: pipe, omittingEmptySubsequences: false).map { cell in
            cell.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }.reversed()
        }
        if cells.first?.isEmpty ?? false { cells.removeFirst() }
        if cells.last?.isEmpty ?? false { cells.removeLast() }
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            var body = Array(cell)
            if body.first == UInt8(ascii: ":") { body.removeFirst() }
            if body.last == UInt8(ascii: ":") { body.removeLast() }
            return !body.isEmpty && body.allSatisfy { $0 == UInt8(ascii: "-") }
        }
    }

    /// `[^label]`: a footnote reference, or the start of a definition `[^label]: text`.
    static func footnote(in text: [UInt8]) -> Int? {
        var index = 0
        while index + 3 < text.count {
            if text[index] == UInt8(ascii: "["), text[index + 1] == UInt8(ascii: "^") {
                var end = index + 2
                while end < text.count, end - index < 64, isLabelByte(text[end]) { end += 1 }
                if end > index + 2, end < text.count, text[end] == UInt8(ascii: "]") { return index }
            }
            index += 1
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// `[ ]`, `[x]` or `[X]` opening a list item, then a blank or nothing.
    static func isTaskMarker(_ text: [UInt8]) -> Bool {
        guard text.count >= 3, text[0] == UInt8(ascii: "["), text[2] == UInt8(ascii: "]"),
            [UInt8(ascii: " "), UInt8(ascii: "x"), UInt8(ascii: "X")].contains(text[1])
        else { return false }
        return text.count == 3 || text[3] == UInt8(ascii: " ") || text[3] == UInt8(ascii: "\t")
    }

    /// `~~` before a word: GitHub's strikethrough.
    static func strikethrough(in text: [UInt8]) -> Int? {
        let tilde = UInt8(ascii: "~")
        var index = 0
        while index + 2 < text.count {
            if text[index] == tilde, text[index + 1] == tilde {
                let next = text[index + 2]
                if next != tilde && next != 32 && next != 9 { return index }
                index += 2
                continue
            }
            index += 1
        }
        return nil
    }

    /// `: definition`, as a line starts.
    static func isDefinition(_ text: [UInt8]) -> Bool {
        text.count >= 2 && text[0] == UInt8(ascii: ":") && (text[1] == 32 || text[1] == 9)
    }

    /// What a raw HTML node is, or nil for what a reader never sees: comments, declarations,
    /// closing tags.
    static func htmlKind(_ html: String) -> Kind? {
        let trimmed = html.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard trimmed.hasPrefix("<"), !trimmed.hasPrefix("<!"), !trimmed.hasPrefix("</"), !trimmed.hasPrefix("<?") else {
            return nil
        }
        let tag = trimmed.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        let opening = trimmed.prefix { $0 != ">" }.lowercased()
        if tag == "a" && (opening.contains("name=") || opening.contains("id=")) { return .htmlAnchor }
        if tag == "img" { return .htmlImage }
        return .html
    }
}
