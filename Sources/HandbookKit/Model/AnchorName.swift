import HandbookMarkdown

/// What an author may name an anchor: a safe id in HTML, XHTML, URLs and CSS selectors alike.
/// An ASCII letter, then ASCII letters, digits, `-`, `_` and `.`, at most
/// `InputLimits.anchorBytes` long.
enum AnchorName {
    static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, isLetter(first), bytes.count <= InputLimits.anchorBytes else { return false }
        return bytes.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// What is wrong with `name`, to follow "… is not a valid anchor: ".
    static func problem(_ name: String) -> String? {
        guard !isValid(name) else { return nil }
        if name.isEmpty { return "it is empty" }
        if name.utf8.count > InputLimits.anchorBytes { return "it is over \(InputLimits.anchorBytes) characters long" }
        if let first = name.utf8.first, !isLetter(first) { return "it must start with a letter from A to Z" }
        return "it may hold only letters from A to Z, digits, hyphens, underscores and full stops"
    }

    /// A heading's explicit anchor, when it is valid and the heading is not a rule's (a rule's
    /// anchor is its identifier; its explicit anchor becomes an alias).
    static func explicit(_ heading: DocumentOutline.Heading) -> String? {
        guard heading.rule == nil, let name = heading.explicitAnchor?.name, isValid(name) else { return nil }
        return name
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
