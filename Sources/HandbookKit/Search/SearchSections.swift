/// Splits the resolved pages into search sections.
enum SearchSections {
    static func make(from handbook: ResolvedHandbook) -> (pages: [SearchPage], sections: [SearchSection]) {
        var pages: [SearchPage] = []
        var sections: [SearchSection] = []
        for chapter in handbook.chapters {
            let pageIndex = pages.count
            let page = chapter.page
            pages.append(SearchPage(title: page.frontMatter.title, url: page.outputPath))
            sections += chapterSections(page, anchors: chapter.anchors, pageIndex: pageIndex, firstIndex: sections.count)
        }
        for list in handbook.tipLists {
            let pageIndex = pages.count
            let page = list.page
            pages.append(SearchPage(title: page.frontMatter.title, url: page.outputPath))
            let outline = page.outline
            let prose = outline.blocks.filter { $0.kind != .list && $0.kind != .changeNote }.map(\.plainText).joined(separator: "\n")
            sections.append(SearchSection(
                page: pageIndex, url: page.outputPath, rule: nil, title: page.frontMatter.title,
                parent: nil, body: [page.frontMatter.summary ?? "", prose].joined(separator: "\n")))
            for (index, item) in outline.listItems.enumerated() {
                let title = item.lead ?? String(item.plainText.prefix(60))
                var body = item.plainText
                if let lead = item.lead, body.hasPrefix(lead) { body = String(body.dropFirst(lead.count)) }
                sections.append(SearchSection(
                    page: pageIndex, url: "\(page.outputPath)#\(list.anchors.tips[index])", rule: nil,
                    title: title, parent: nil, body: body))
            }
        }
        return (pages, sections)
    }

    private static func chapterSections(
        _ page: ParsedPage, anchors: PageAnchors, pageIndex: Int, firstIndex: Int
    ) -> [SearchSection] {
        let outline = page.outline
        var sections: [SearchSection] = []
        // A chapter that is one rule (`id:`) is found by its identifier from its top section.
        var current = SearchSection(
            page: pageIndex, url: page.outputPath, rule: page.frontMatter.ruleIdentifier, title: page.frontMatter.title, parent: nil,
            body: page.frontMatter.summary ?? "")
        var trail: [(level: Int, section: Int)] = []
        for block in outline.blocks where block.kind != .changeNote {
            guard case .heading(let level, let headingIndex) = block.kind else {
                current.body += (current.body.isEmpty ? "" : "\n") + block.plainText
                continue
            }
            sections.append(current)
            let heading = outline.headings[headingIndex]
            trail.removeAll { $0.level >= level }
            let title = heading.rule?.title ?? heading.text
            current = SearchSection(
                page: pageIndex, url: "\(page.outputPath)#\(anchors.headings[headingIndex])",
                rule: heading.rule?.identifier, title: title, parent: trail.last?.section, body: "")
            trail.append((level, firstIndex + sections.count))
        }
        sections.append(current)
        return sections
    }
}
