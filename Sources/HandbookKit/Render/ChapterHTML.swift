import HandbookMarkdown

/// Assembles a chapter's rendered blocks into its page body, each rule in a block of its own,
/// and cuts out each rule's text for its permalink page.
enum ChapterHTML {
    /// `marks` (HTML, by rule identifier) go under the rules' headings.
    static func body(_ blocks: [String], outline: DocumentOutline, rules: [Rule], marks: [String: String] = [:]) -> String {
        let ruleStarts = Dictionary(uniqueKeysWithValues: rules.filter { !$0.isChapter }.map { ($0.blocks.lowerBound, $0) })
        var html = ""
        let chapterRule = rules.first(where: \.isChapter)
        if let rule = chapterRule {
            // The chapter is one rule: its anchor is the whole body, which the chapter page,
            // print and EPUB editions all show, and its identifier leads it.
            let id = HTML.escape(rule.identifier)
            html += "<section class=\"rule chapter-rule\" id=\"\(id)\" aria-label=\"\(HTML.escape("\(rule.identifier) \(rule.title)"))\">\n"
            html += "<p class=\"chapter-rule-id\"><a class=\"rule-id\" href=\"\(HTML.escape(SiteLayout.rootFromPage + URLEncoding.path(SiteLayout.rulePage(rule.identifier))))\">\(id)</a></p>\n"
            if let mark = marks[rule.identifier] { html += mark }
        }
        var open: [Int] = []  // levels of open rule blocks
        for (index, block) in blocks.enumerated() {
            if index < outline.blocks.count, case .heading(let level, _) = outline.blocks[index].kind {
                while let last = open.last, last >= level {
                    html += "</section>\n"
                    open.removeLast()
                }
                if let rule = ruleStarts[index] {
                    html += "<section class=\"rule\" aria-labelledby=\"\(HTML.escape(rule.identifier))\">\n"
                    open.append(rule.level)
                }
            }
            html += block
            if let rule = ruleStarts[index], let mark = marks[rule.identifier] { html += mark }
        }
        html += String(repeating: "</section>\n", count: open.count + (chapterRule == nil ? 0 : 1))
        return html
    }

    /// The rule's text without its heading.
    static func ruleText(_ rule: Rule, blocks: [String]) -> String {
        let range = (rule.blocks.lowerBound + (rule.isChapter ? 0 : 1))..<min(rule.blocks.upperBound, blocks.count)
        return range.isEmpty ? "" : blocks[range].joined()
    }

    /// "On this page": the chapter's headings of level 2 and 3, rules with their identifiers.
    static func contents(outline: DocumentOutline, anchors: PageAnchors) -> [TemplateContext] {
        outline.headings.compactMap { heading -> TemplateContext? in
            guard heading.block != nil, heading.level == 2 || heading.level == 3 else { return nil }
            var item: TemplateContext = [
                .id: anchors.headings[heading.ordinal], .level: heading.level,
                .nested: heading.level == 3,
            ]
            if let rule = heading.rule {
                item[.ruleId] = rule.identifier
                item[.text] = rule.title
            } else {
                item[.text] = heading.text
            }
            return item
        }
    }
}
