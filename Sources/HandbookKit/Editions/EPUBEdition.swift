import Foundation

/// The EPUB edition's content: one document per chapter, the rules index and one per tip list,
/// their links rewritten to point inside the book.
struct EPUBEdition: Edition {
    let handbook: ResolvedHandbook
    let content: RenderedContent
    let templates: TemplateSet
    /// The folder the site is being written into: the book's media are read from the copies
    /// made there, which were checked to come from inside the content folder, never from the
    /// content folder again.
    let siteFolder: String

    var kind: SiteEdition { .epub }
    var progress: (message: String, step: Int)? { ("writing the EPUB", 2) }

    /// The book, zipped beside the site's other files while the other editions are made: its
    /// compression was a serial half second of a 1,000-chapter build when it waited for `write`.
    func make() throws -> String {
        let temporary = SiteFolder(path: siteFolder).madePath(for: SiteLayout.epub)
        try EPUBWriter.write(book(), to: temporary)
        return temporary
    }

    func book() -> EPUBBook {
        let config = handbook.config
        let mediaFiles = Self.mediaNames(handbook.media)
        let media = Dictionary(mediaFiles.map { ($0.sitePath, $0.bookPath) }) { _, last in last }
        let stylesheet = templates.files.files[SiteLayout.epubStylesheet].map { String(decoding: $0, as: UTF8.self) } ?? ""
        func inBook(_ html: String) -> String {
            LinkRewriter.rewrite(html) { path in
                media[path.split(separator: "#", maxSplits: 1).first.map(String.init) ?? path] ?? Self.target(for: path, in: handbook)
            }
        }

        var documents: [EPUBBook.Document] = []
        let partStarts = Dictionary(
            (handbook.partGroups ?? []).compactMap { group in group.part.map { (group.chapters.lowerBound, $0) } }) { first, _ in first }
        for (index, chapter) in handbook.chapters.enumerated() {
            if let part = partStarts[index] {
                // A title page for the part, which the table of contents lists its chapters under.
                var body = "<p class=\"eyebrow\">Part</p>\n<h1>\(HTML.escape(part.title))</h1>\n"
                if let summary = part.summary { body += "<p class=\"lead\">\(HTML.escape(summary))</p>\n" }
                documents.append(.init(fileName: Self.partFile(part.id), title: part.title, body: body, level: .part))
            }
            let matter = chapter.page.frontMatter
            let number = handbook.number(ofChapter: index)
            let label = "\(number.isAppendix ? "Appendix" : "Chapter") \(number.label)"
            var body = "<p class=\"eyebrow\">\(label)</p>\n<h1>\(HTML.escape(matter.title))</h1>\n"
            if let summary = matter.summary { body += "<p class=\"lead\">\(HTML.escape(summary))</p>\n" }
            body += inBook(content.chapters[index])
            documents.append(.init(
                fileName: Self.chapterFile(chapter.page.slug), title: matter.title, body: body,
                level: handbook.part(ofChapter: index) == nil ? .top : .inPart))
        }
        var rules = "<h1>All rules</h1>\n"
        for (index, chapter) in handbook.chapters.enumerated() where !handbook.rulesByChapter[index].isEmpty {
            rules += "<h2>\(handbook.number(ofChapter: index).label). \(HTML.escape(chapter.page.frontMatter.title))</h2>\n<ul class=\"rule-links\">\n"
            for ruleIndex in handbook.rulesByChapter[index] {
                let rule = handbook.rules[ruleIndex]
                rules += "<li><a href=\"\(Self.chapterFile(chapter.page.slug))#\(HTML.escape(rule.identifier))\"><span class=\"rule-id\">\(HTML.escape(rule.identifier))</span> \(HTML.escape(rule.title))</a></li>\n"
            }
            rules += "</ul>\n"
        }
        documents.append(.init(fileName: Self.rulesFile, title: "All rules", body: rules))
        if handbook.history.isComparing {
            let changes = "<h1>What changed in edition \(HTML.escape(handbook.history.edition ?? ""))</h1>\n"
                + templates.render(ChangesPage.values(SiteUnit(handbook), root: SiteLayout.rootFromPage), template: "partials/changes")
            documents.append(.init(fileName: Self.changesFile, title: "What changed", body: inBook(changes)))
        }
        for (index, list) in handbook.tipLists.enumerated() {
            let matter = list.page.frontMatter
            var body = "<p class=\"eyebrow\">Tips</p>\n<h1>\(HTML.escape(matter.title))</h1>\n"
            if let summary = matter.summary { body += "<p class=\"lead\">\(HTML.escape(summary))</p>\n" }
            let values = TipListUnit(index, handbook: handbook).context(content: content.tipLists[index], root: SiteLayout.rootFromPage)
            body += inBook(templates.render(values, template: "partials/tips"))
            documents.append(.init(fileName: Self.tipListFile(list.page.slug), title: matter.title, body: body))
        }

        let dates = (handbook.chapters + handbook.tipLists).compactMap(\.page.frontMatter.updated).sorted()
        return EPUBBook(
            identifier: "urn:handbook:\(HeadingSlugger.baseSlug(config.title)):\(HeadingSlugger.baseSlug(config.edition ?? "1"))",
            title: config.title, subtitle: config.subtitle, organisation: config.organisation, edition: config.edition,
            language: config.language, modified: (dates.last ?? "2000-01-01") + "T00:00:00Z", documents: documents,
            media: mediaFiles.map { .init(path: $0.bookPath, source: siteFolder + "/" + SiteLayout.media($0.file.relativePath)) },
            stylesheet: stylesheet)
    }

    func write(_ made: String, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.place(SiteLayout.epub, scope: .edition(kind))
        return nil
    }

    /// Media under names EPUB readers need no escaping for (epubcheck warns about spaces), with
    /// the site's percent-encoded path of each, in the order of `files`.
    static func mediaNames(_ files: [MediaFile]) -> [(file: MediaFile, sitePath: String, bookPath: String)] {
        var names: [(file: MediaFile, sitePath: String, bookPath: String)] = []
        var used: Set<String> = []
        for file in files {
            let safe = file.relativePath.split(separator: "/").map { component in
                String(component.unicodeScalars.map { scalar -> Character in
                    scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-_".unicodeScalars.contains(scalar))
                        ? Character(scalar) : "-"
                })
            }.joined(separator: "/")
            var name = "media/" + safe
            var counter = 2
            while used.contains(name) {
                name = "media/" + (safe as NSString).deletingPathExtension + "-\(counter)." + (safe as NSString).pathExtension
                counter += 1
            }
            used.insert(name)
            names.append((file, SiteLayout.media(URLEncoding.path(file.relativePath)), name))
        }
        return names
    }

    static func chapterFile(_ slug: String) -> String { "chapter-\(slug).xhtml" }
    static func tipListFile(_ slug: String) -> String { "tips-\(slug).xhtml" }
    static func partFile(_ id: String) -> String { "part-\(id).xhtml" }
    static let rulesFile = "rules.xhtml"
    static let changesFile = "changes.xhtml"

    /// Where a link (from the site root, without `../`) goes inside the book.
    static func target(for path: String, in handbook: ResolvedHandbook) -> String {
        let parts = path.split(separator: "#", maxSplits: 1).map(String.init)
        let file = parts[0]
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        if file == SiteLayout.rulesIndex { return rulesFile }
        if file == SiteLayout.changes { return changesFile + fragment }
        switch SiteLayout.page(at: file) {
        case .rule(let identifier):
            if let rule = handbook.rule(identifier) {
                return chapterFile(handbook.chapters[rule.chapter].page.slug) + "#" + rule.identifier
            }
            // A withdrawn rule: its entry among the changes, or the list of rules.
            return handbook.history.change(of: identifier) != nil ? changesFile + "#" + identifier : rulesFile
        case .chapter(let slug): return chapterFile(slug) + fragment
        case .tipList(let slug): return tipListFile(slug) + fragment
        case nil: return path
        }
    }
}
