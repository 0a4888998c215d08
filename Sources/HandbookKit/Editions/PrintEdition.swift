import Foundation

/// `print.html`: the whole handbook in one page, in reading order, every internal link pointing
/// inside the page. Heading anchors are prefixed with their chapter's slug (`boundaries--why`),
/// as slugs are unique only within a page; rule identifiers are unique in the whole handbook.
package struct PrintEdition: Edition {
    let handbook: ResolvedHandbook
    let content: RenderedContent
    let templates: TemplateSet
    /// The folder the site is being written into, where print.html is made beside its place;
    /// without one, the page is made in memory.
    let siteFolder: String?

    package init(handbook: ResolvedHandbook, content: RenderedContent, templates: TemplateSet, siteFolder: String? = nil) {
        self.handbook = handbook
        self.content = content
        self.templates = templates
        self.siteFolder = siteFolder
    }

    var kind: SiteEdition { .print }

    /// The page, in memory.
    package func make() -> String {
        var html = ""
        if (try? assemble(into: { html += String(decoding: $0, as: UTF8.self) })) == true { return html }
        return whole()
    }

    /// With a site folder, the page is written into a file beside its place as it is put
    /// together: whole in memory it was 157 MB of a 10,000-chapter build's peak.
    func prepared() -> PreparedEdition {
        guard let siteFolder else {
            let made = make()
            return PreparedEdition(kind: kind, progress: progress) { folder in try write(made, into: folder) }
        }
        let made = Result { try write(toFile: SiteFolder(path: siteFolder).madePath(for: SiteLayout.print)) }
        return PreparedEdition(kind: kind, progress: progress) { folder in
            try made.get()
            try folder.place(SiteLayout.print, scope: .edition(kind))
            return nil
        }
    }

    private func write(toFile path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError.fileWriteError(path: path) }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(FileChunks.pieceBytes)
        func flush() throws {
            try file.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        let assembled = try assemble { bytes in
            buffer.append(contentsOf: bytes)
            if buffer.count >= FileChunks.pieceBytes { try flush() }
        }
        if assembled { return try flush() }
        try file.truncate(atOffset: 0)
        var html = whole()
        try html.withUTF8 { try file.write(contentsOf: UnsafeRawBufferPointer($0)) }
    }

    /// The page put together by `assemble`, into `emit` a piece at a time; false when the
    /// templates do not put each chapter's HTML in once, as it is, in order, and the page must
    /// be made `whole` (what was emitted is to be thrown away).
    ///
    /// The page is rendered with a marker in place of each chapter's HTML, and each chapter is
    /// put in as the page is put together, its anchors prefixed and its links rewritten: the
    /// chapters' HTML prefixed in the page's values, the page rendered around them (copied at
    /// each level of the templates) and the page rewritten were each the whole handbook, and
    /// together the peak of a 10,000-chapter build.
    private func assemble(into emit: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
        let nonce = UUID().uuidString
        let markers = content.chapters.indices.map { index -> String? in
            let html = content.chapters[index]
            // Ending as the HTML does, as the templates indent what follows a line end.
            return html.isEmpty ? nil : "<hb-print-chapter \(nonce) \(index)>" + (html.last == "\n" ? "\n" : "")
        }
        var page = page { markers[$0] ?? "" }
        return try page.withUTF8 { bytes -> Bool in
            var places: [(chapter: Int, range: Range<Int>)] = []
            var expected = markers.indices.filter { markers[$0] != nil }[...]
            let opening = "<hb-print-chapter ".utf8.count
            let nonceBytes = Array(nonce.utf8)
            var searched = 0
            while let found = Self.firstRange(of: nonceBytes, in: bytes, from: searched) {
                guard let chapter = expected.popFirst(), let marker = markers[chapter], found.lowerBound >= opening else { return false }
                let place = (found.lowerBound - opening)..<(found.lowerBound - opening + marker.utf8.count)
                guard place.upperBound <= bytes.count, bytes[place].elementsEqual(marker.utf8) else { return false }
                places.append((chapter, place))
                searched = place.upperBound
            }
            guard expected.isEmpty else { return false }
            var pieces = LinkRewriter.Pieces { Self.target(for: $0, in: handbook) }
            var copied = 0
            for place in places {
                var chapter = prefixedChapter(place.chapter)
                guard try pieces.append(UnsafeBufferPointer(rebasing: bytes[copied..<place.range.lowerBound]), to: emit),
                    try chapter.withUTF8({ try pieces.append($0, to: emit) })
                else { return false }
                copied = place.range.upperBound
            }
            return try pieces.append(UnsafeBufferPointer(rebasing: bytes[copied...]), to: emit)
        }
    }

    /// The page rendered with the chapters in it and its links rewritten whole. The page's
    /// values are let go before its links are rewritten.
    private func whole() -> String {
        let html = page(chapterHTML: prefixedChapter)
        return LinkRewriter.rewrite(html) { Self.target(for: $0, in: handbook) }
    }

    /// The chapter's HTML with its heading anchors prefixed with its slug.
    private func prefixedChapter(_ index: Int) -> String {
        LinkRewriter.prefixHeadingIDs(
            content.chapters[index], prefix: "\(handbook.chapters[index].page.slug)--", keep: { handbook.ruleIndex[$0] != nil })
    }

    /// Where `needle` (not empty) first occurs in `bytes` at or after `start`.
    private static func firstRange(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            // memchr to each candidate: the page is tens of megabytes at 10,000 chapters.
            guard let found = memchr(base + index, Int32(first), bytes.count - needle.count + 1 - index) else { return nil }
            index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
            index += 1
        }
        return nil
    }

    private func page(chapterHTML: (Int) -> String) -> String {
        let builder = PageContext(handbook: handbook, templates: templates)
        var context = builder.base(
            kind: .print, title: "Print edition", description: handbook.config.description,
            root: "", currentPath: SiteLayout.print)
        let groups = handbook.partGroups
        let partStarts = Set(groups?.filter { $0.part != nil }.map(\.chapters.lowerBound) ?? [])
        let chapters = handbook.chapters.indices.map { index -> TemplateContext in
            var chapter = ChapterSummary(index, handbook: handbook).context(root: "")
            chapter[.slug] = handbook.chapters[index].page.slug
            chapter[.html] = chapterHTML(index)
            // The part's heading comes before its first chapter.
            if partStarts.contains(index) { chapter[.partStart] = true }
            return chapter
        }
        context[.chapters] = chapters
        if let groups {
            context[.hasParts] = true
            context[.parts] = PartSections.sections(groups, chapters: chapters)
        }
        context[.tipLists] = handbook.tipLists.indices.map { index -> TemplateContext in
            let slug = handbook.tipLists[index].page.slug
            var prefixed = content.tipLists[index]
            prefixed.parts = prefixed.parts.map { part in
                guard case .tips(let tips) = part else { return part }
                return .tips(tips.map { tip in
                    var tip = tip
                    tip.anchor = "tips-\(slug)--\(tip.anchor)"
                    return tip
                })
            }
            return TipListUnit(index, handbook: handbook).context(content: prefixed, root: SiteLayout.rootFromPage)
        }
        context[.groups] = handbook.chapters.indices.compactMap { index -> TemplateContext? in
            guard !handbook.rulesByChapter[index].isEmpty else { return nil }
            var group = ChapterSummary(index, handbook: handbook).context(root: "")
            group[.rules] = handbook.rulesByChapter[index].map { ruleIndex -> TemplateContext in
                let rule = handbook.rules[ruleIndex]
                return [.id: rule.identifier, .title: rule.title, .nested: rule.parent != nil]
            }
            return group
        }
        return templates.render(context, template: "print")
    }

    func write(_ made: String, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.write(made, to: SiteLayout.print, scope: .edition(kind))
        return nil
    }

    /// Where a link (from the site root, without `../`) goes inside the print page.
    static func target(for path: String, in handbook: ResolvedHandbook) -> String {
        let parts = path.split(separator: "#", maxSplits: 1).map(String.init)
        let file = parts[0]
        let fragment = parts.count > 1 ? parts[1].removingPercentEncoding ?? parts[1] : nil
        if file == SiteLayout.rulesIndex { return "#rules" }
        let slug: String, prefix: String
        switch SiteLayout.page(at: file) {
        case .rule(let identifier): return "#" + identifier
        case .chapter(let chapter): (slug, prefix) = (chapter, "")
        case .tipList(let list): (slug, prefix) = (list, "tips-")
        case nil: return path
        }
        guard let fragment, !fragment.isEmpty else { return "#" + (prefix.isEmpty ? "chapter-" : prefix) + slug }
        if handbook.ruleIndex[fragment] != nil { return "#" + fragment }
        return "#\(prefix)\(slug)--\(URLEncoding.fragment(fragment))"
    }
}
