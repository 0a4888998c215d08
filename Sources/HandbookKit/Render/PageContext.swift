/// The values templates see. Every page gets `site`, `root`, `page` and `nav`; each page
/// kind adds its own (documented in README.md). Built from Sendable values inside the task
/// that renders the page, as Mustache contexts are dictionaries of `Any`.
struct PageContext {
    let handbook: ResolvedHandbook

    /// The handbook's settings, shared by every page.
    var site: [String: Any] {
        var site: [String: Any] = ["title": handbook.config.title, "language": handbook.config.language]
        site["subtitle"] = handbook.config.subtitle
        site["organisation"] = handbook.config.organisation
        site["edition"] = handbook.config.edition
        site["description"] = handbook.config.description
        if handbook.history.isComparing {
            // From the site root: templates write {{root}}{{site.changesURL}}.
            site["changesURL"] = SiteLayout.changes
            site["previousEdition"] = handbook.history.previousEdition
        }
        return site
    }

    /// The common part of a page's context; `root` leads from the page to the site root.
    func base(kind: String, title: String, description: String?, root: String, currentPath: String) -> [String: Any] {
        var page: [String: Any] = ["kind": kind, "title": title, "path": currentPath]
        page[kind] = true
        page["description"] = description ?? handbook.config.description
        if let base = handbook.config.baseURL {
            page["canonical"] = base + URLEncoding.path(currentPath)
            if let oembed = SiteLayout.oembed(forPage: currentPath) {
                page["oembed"] = base + URLEncoding.path(oembed)
            }
        }
        return [
            "site": site,
            "root": root,
            "page": page,
            "nav": navigation(root: root, currentPath: currentPath),
        ]
    }

    /// Above this many chapters, pages link to the contents instead of listing every chapter:
    /// a list on every page would make the site grow with the square of its size.
    static let chapterListLimit = 150

    /// Tip lists are listed on every page only when the chapters are: a handbook too large to
    /// list its chapters has too many tip lists to list them on every page too.
    static func listsTipLists(_ handbook: ResolvedHandbook) -> Bool {
        handbook.chapters.count <= chapterListLimit && handbook.tipLists.count <= chapterListLimit
    }

    private func navigation(root: String, currentPath: String) -> [String: Any] {
        let listed = handbook.chapters.count <= Self.chapterListLimit
        let chapters: [[String: Any]] = !listed ? [] : handbook.chapters.enumerated().map { index, chapter in
            link(title: chapter.page.frontMatter.title, path: chapter.page.outputPath, root: root, currentPath: currentPath)
                .merging(["number": index + 1]) { $1 }
        }
        let tipListsListed = Self.listsTipLists(handbook)
        let tipLists: [[String: Any]] = !tipListsListed ? [] : handbook.tipLists.map { list in
            link(title: list.page.frontMatter.title, path: list.page.outputPath, root: root, currentPath: currentPath)
        }
        return [
            "chapters": chapters,
            "tipLists": tipLists,
            "hasTipLists": !handbook.tipLists.isEmpty,
            "tipListsOmitted": !tipListsListed,
            "tipListCount": handbook.tipLists.count,
            "chaptersOmitted": !listed,
            "chapterCount": handbook.chapters.count,
            "home": link(title: handbook.config.title, path: SiteLayout.home, root: root, currentPath: currentPath),
            "rules": link(title: "All rules", path: SiteLayout.rulesIndex, root: root, currentPath: currentPath),
        ]
    }

    private func link(title: String, path: String, root: String, currentPath: String) -> [String: Any] {
        var link: [String: Any] = ["title": title, "url": root + URLEncoding.path(path)]
        if path == currentPath { link["current"] = true }
        return link
    }

    func chapterSummary(_ index: Int, root: String) -> [String: Any] {
        let chapter = handbook.chapters[index].page
        var item: [String: Any] = [
            "number": index + 1, "title": chapter.frontMatter.title,
            "url": root + URLEncoding.path(chapter.outputPath),
            "ruleCount": handbook.rulesByChapter[index].count,
        ]
        let ruleCount = handbook.rulesByChapter[index].count
        if ruleCount > 0 { item["rulesLabel"] = Self.count(ruleCount, "rule") }
        item["summary"] = chapter.frontMatter.summary
        item["updated"] = chapter.frontMatter.updated
        return item
    }

    /// A tip list's values for templates: `title`, `summary`, `updated`, and `sections[]`, each
    /// either `prose` (HTML) or `isTips` with `tips[]` (`anchor`, `html`, `rules[]`, `hasRules`).
    func tipList(_ index: Int, content: TipListContent, root: String) -> [String: Any] {
        let page = handbook.tipLists[index].page
        let sections: [[String: Any]] = content.parts.map { part in
            switch part {
            case .prose(let html):
                return ["prose": html]
            case .tips(let tips):
                return ["isTips": true, "tips": tips.map { tip -> [String: Any] in
                    ["anchor": tip.anchor, "html": tip.html, "hasRules": !tip.rules.isEmpty,
                     "rules": tip.rules.compactMap { ruleLink($0, root: root) }]
                }]
            }
        }
        var values: [String: Any] = ["title": page.frontMatter.title, "sections": sections, "slug": page.slug]
        values["summary"] = page.frontMatter.summary
        values["updated"] = page.frontMatter.updated
        return values
    }

    /// "1 rule", "7 rules".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    func ruleLink(_ identifier: String, root: String) -> [String: Any]? {
        guard let rule = handbook.rule(identifier) else { return nil }
        return [
            "id": rule.identifier, "title": rule.title,
            "url": root + URLEncoding.path(SiteLayout.rulePage(rule.identifier)),
            "contextURL": root + URLEncoding.path(handbook.chapters[rule.chapter].page.outputPath) + "#" + rule.identifier,
        ]
    }
}
