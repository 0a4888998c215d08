/// The embeddable pages: each chapter, rule (as a card) and tip list without the site's chrome,
/// under `embed/`, and `embed/index.html`, the guide for intranet editors with a snippet for each.
///
/// Embed pages are two folders deep, and set `<base href="../../chapters/" target="_top">`: the
/// content's `../` links then lead to the full site's pages, in the whole window.
enum EmbedPages {
    struct Page: Sendable {
        var path: String
        var html: String
    }

    static let listener = """
        window.addEventListener('message', function (event) {
          var data = event.data;
          if (!data || data.type !== 'handbook:height') return;
          document.querySelectorAll('iframe.handbook-embed').forEach(function (frame) {
            if (frame.contentWindow === event.source) {
              frame.style.height = data.height + 'px';
            }
          });
        });
        """

    private static let root = SiteLayout.rootFromEmbed

    static func chapter(_ index: Int, html: String, handbook: ResolvedHandbook, templates: TemplateSet) -> Page {
        let builder = PageContext(handbook: handbook)
        let chapter = handbook.chapters[index]
        let path = SiteLayout.embedPage(of: chapter.page.outputPath)
        var context = builder.base(kind: "chapter", title: chapter.page.frontMatter.title, description: chapter.page.frontMatter.summary, root: root, currentPath: path)
        var values = builder.chapterSummary(index, root: SiteLayout.rootFromPage)
        values["html"] = html
        values["fullURL"] = SiteLayout.rootFromPage + URLEncoding.path(chapter.page.outputPath)
        context["chapter"] = values
        return Page(path: path, html: templates.render(context, template: "embed-chapter"))
    }

    static func rule(_ rule: Rule, html: String, handbook: ResolvedHandbook, templates: TemplateSet) -> Page {
        let builder = PageContext(handbook: handbook)
        let path = SiteLayout.embedPage(of: SiteLayout.rulePage(rule.identifier))
        var context = builder.base(kind: "rule", title: "\(rule.identifier) \(rule.title)", description: nil, root: root, currentPath: path)
        var values: [String: Any] = builder.ruleLink(rule.identifier, root: SiteLayout.rootFromPage) ?? [:]
        values["html"] = html
        values["fullURL"] = SiteLayout.rootFromPage + URLEncoding.path(SiteLayout.rulePage(rule.identifier))
        values["change"] = ChangesPage.mark(for: rule.identifier, handbook: handbook, root: SiteLayout.rootFromPage)
        context["rule"] = values
        return Page(path: path, html: templates.render(context, template: "embed-rule"))
    }

    static func tipList(_ index: Int, content: TipListContent, handbook: ResolvedHandbook, templates: TemplateSet) -> Page {
        let builder = PageContext(handbook: handbook)
        let list = handbook.tipLists[index]
        let path = SiteLayout.embedPage(of: list.page.outputPath)
        var context = builder.base(kind: "tipList", title: list.page.frontMatter.title, description: list.page.frontMatter.summary, root: root, currentPath: path)
        var values = builder.tipList(index, content: content, root: SiteLayout.rootFromPage)
        values["fullURL"] = SiteLayout.rootFromPage + URLEncoding.path(list.page.outputPath)
        context["tipList"] = values
        return Page(path: path, html: templates.render(context, template: "embed-tip-list"))
    }

    static func guide(_ handbook: ResolvedHandbook, templates: TemplateSet) -> Page {
        Page(path: SiteLayout.embedIndex, html: guideHTML(handbook, templates: templates))
    }

    private static func guideHTML(_ handbook: ResolvedHandbook, templates: TemplateSet) -> String {
        let builder = PageContext(handbook: handbook)
        var context = builder.base(
            kind: "embedIndex", title: "Embed in your intranet", description: "Ready-to-copy snippets for every chapter, rule and tip list.",
            root: SiteLayout.rootFromPage, currentPath: SiteLayout.embedIndex)
        let base = handbook.config.baseURL ?? "https://handbook.example.org/"
        func item(title: String, page: String, height: Int) -> [String: Any] {
            let embed = SiteLayout.embedPage(of: page)
            let snippet = "<iframe src=\"\(HTML.escape(base + URLEncoding.path(embed)))\" title=\"\(HTML.escape(title))\" class=\"handbook-embed\" width=\"100%\" height=\"\(height)\" loading=\"lazy\"></iframe>"
            return ["title": title, "preview": SiteLayout.rootFromPage + URLEncoding.path(embed), "snippet": snippet]
        }
        context["embed"] = [
            "baseKnown": handbook.config.baseURL != nil,
            "listener": listener,
            "chapters": handbook.chapters.map { item(title: $0.page.frontMatter.title, page: $0.page.outputPath, height: 800) },
            "rules": handbook.rules.map { rule -> [String: Any] in
                var values = item(title: "\(rule.identifier) \(rule.title)", page: SiteLayout.rulePage(rule.identifier), height: 320)
                values["id"] = rule.identifier
                values["title"] = rule.title
                return values
            },
            "tipLists": handbook.tipLists.map { item(title: $0.page.frontMatter.title, page: $0.page.outputPath, height: 800) },
            "hasTipLists": !handbook.tipLists.isEmpty,
        ] as [String: Any]
        return templates.render(context, template: "embed-index")
    }
}
