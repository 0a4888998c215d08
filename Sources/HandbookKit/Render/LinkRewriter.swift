/// Rewrites the internal links of rendered page content for another place: the print edition,
/// the EPUB, handbook.json. Content is rendered once, for pages one folder below the site root,
/// so every internal link in it starts with `../`; external links never do.
///
/// Both functions scan the UTF-8 bytes once, as the print edition is one large string.
enum LinkRewriter {
    /// An attribute opening to look for, and how many of its bytes stay when its value is
    /// replaced (`../` goes with the old value).
    private struct Opening {
        var bytes: [UInt8]
        var kept: Int
        /// An alias's id, prefixed whatever it is: it may look like a rule identifier.
        var isAlias = false
    }

    private static let quote = UInt8(ascii: "\"")
    /// The attribute openings each function looks for, as bytes once and for all (this scan runs
    /// at every space and `<` of the whole print edition).
    private static let linkAttributes = [" href=\"../", " src=\"../"].map { Opening(bytes: Array($0.utf8), kept: $0.utf8.count - 3) }
    /// The openings `HeadingMarkup` writes. Only chapter content is scanned: tips' anchors are
    /// prefixed in the model (`PrintEdition`), not in the template's output.
    private static let idAttributes = (1...6).map { level -> Opening in
        let bytes = Array("<h\(level) id=\"".utf8)
        return Opening(bytes: bytes, kept: bytes.count)
    } + [Opening(bytes: Array(AliasMarkup.opening.utf8), kept: AliasMarkup.opening.utf8.count, isAlias: true)]

    /// Replaces each `href` and `src` value that starts with `../` by `transform(rest)`, where
    /// `rest` is the value without `../`; nil keeps the value.
    static func rewrite(_ html: String, _ transform: (String) -> String?) -> String {
        replacingValues(in: html, after: linkAttributes) { value, _ in transform(value) }
    }

    /// Prefixes the `id` of every heading whose id does not satisfy `keep` (rule identifiers
    /// are unique in the whole handbook; slugs only within their page).
    static func prefixHeadingIDs(_ html: String, prefix: String, keep: (String) -> Bool) -> String {
        replacingValues(in: html, after: idAttributes) { id, opening in keep(id) && !opening.isAlias ? nil : prefix + id }
    }

    /// Replaces the value after each of `openings` (up to the closing quote) by
    /// `replacement(value)`, or keeps the whole attribute as it was when that is nil.
    private static func replacingValues(
        in html: String, after openings: [Opening], _ replacement: (String, Opening) -> String?
    ) -> String {
        var html = html
        // Read in place and written once at its final size: the print edition is the whole
        // handbook in one page, and copies of it in and out (four in all) were the largest
        // part of a 10,000-chapter build's peak memory.
        let rewritten: String? = html.withUTF8 { bytes in
            let edits = edits(in: bytes, after: openings, replacement).edits
            guard !edits.isEmpty else { return nil }
            let length = bytes.count + edits.reduce(0) { $0 + $1.value.utf8.count - $1.replaced.count }
            return String(unsafeUninitializedCapacity: length) { output in
                var written = 0
                func append(_ part: UnsafeBufferPointer<UInt8>) {
                    _ = UnsafeMutableBufferPointer(rebasing: output[written..<(written + part.count)]).initialize(from: part)
                    written += part.count
                }
                var copied = 0
                for edit in edits {
                    append(UnsafeBufferPointer(rebasing: bytes[copied..<edit.replaced.lowerBound]))
                    var value = edit.value
                    value.withUTF8 { append($0) }
                    copied = edit.replaced.upperBound
                }
                append(UnsafeBufferPointer(rebasing: bytes[copied...]))
                return written
            }
        }
        return rewritten ?? html
    }

    /// The values after `openings` in `bytes` that `replacement` changes, and whether every
    /// value found ends inside `bytes` (an unclosed one is left as it is).
    private static func edits(
        in bytes: UnsafeBufferPointer<UInt8>, after openings: [Opening], _ replacement: (String, Opening) -> String?
    ) -> (edits: [(replaced: Range<Int>, value: String)], closed: Bool) {
        var edits: [(replaced: Range<Int>, value: String)] = []
        var closed = true
        var index = 0
        while index < bytes.count {
            guard let opening = opening(in: bytes, at: index, among: openings) else {
                index += 1
                continue
            }
            guard let end = bytes[(index + opening.bytes.count)...].firstIndex(of: quote) else {
                closed = false
                index += 1
                continue
            }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + opening.bytes.count)..<end]), as: UTF8.self)
            if let new = replacement(value, opening) {
                edits.append(((index + opening.kept)..<end, new))
            }
            index = end
        }
        return (edits, closed)
    }

    /// A page rewritten a piece at a time, each handed on as it is: the same bytes as `rewrite`
    /// of the whole page, as long as every piece `append` takes says so. The print edition is
    /// put together this way from its chapters, so that the whole page is never held both
    /// before and after its links are rewritten.
    struct Pieces {
        private let transform: (String) -> String?
        /// The last bytes of the pieces so far, as they were before they were rewritten.
        private var tail: [UInt8] = []

        init(_ transform: @escaping (String) -> String?) {
            self.transform = transform
        }

        /// Hands `piece` rewritten to `emit`, in parts of at most a megabyte that each end where
        /// a scalar does; false when the result could differ from rewriting the whole page: a
        /// link's value does not end inside the piece, or an attribute's opening begins in the
        /// pieces before it and ends in this one.
        mutating func append(_ piece: UnsafeBufferPointer<UInt8>, to emit: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
            let spansBoundary = LinkRewriter.linkAttributes.contains { opening in
                (1..<opening.bytes.count).contains { split in
                    split <= tail.count && opening.bytes.count - split <= piece.count
                        && tail.suffix(split).elementsEqual(opening.bytes[..<split])
                        && piece.prefix(opening.bytes.count - split).elementsEqual(opening.bytes[split...])
                }
            }
            let (edits, closed) = LinkRewriter.edits(in: piece, after: LinkRewriter.linkAttributes) { value, _ in transform(value) }
            guard !spansBoundary, closed else { return false }
            var copied = 0
            for edit in edits {
                try Self.emit(UnsafeBufferPointer(rebasing: piece[copied..<edit.replaced.lowerBound]), to: emit)
                var value = edit.value
                try value.withUTF8 { try emit($0) }
                copied = edit.replaced.upperBound
            }
            try Self.emit(UnsafeBufferPointer(rebasing: piece[copied...]), to: emit)
            let longest = LinkRewriter.linkAttributes.map(\.bytes.count).max() ?? 0
            tail = Array((tail + piece.suffix(longest)).suffix(longest))
            return true
        }

        private static func emit(_ text: UnsafeBufferPointer<UInt8>, to emit: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
            var start = 0
            while start < text.count {
                var end = min(text.count, start + FileChunks.pieceBytes)
                while end < text.count, end > start, text[end] & 0xC0 == 0x80 { end -= 1 }
                try emit(UnsafeBufferPointer(rebasing: text[start..<end]))
                start = end
            }
        }
    }

    /// The opening among `openings` that starts at `index`, if any.
    private static func opening(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, among openings: [Opening]) -> Opening? {
        let first = bytes[index]
        guard first == UInt8(ascii: " ") || first == UInt8(ascii: "<") else { return nil }
        return openings.first { opening in
            index + opening.bytes.count <= bytes.count && bytes[index..<(index + opening.bytes.count)].elementsEqual(opening.bytes)
        }
    }
}
