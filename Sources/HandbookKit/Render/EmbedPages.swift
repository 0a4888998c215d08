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

    static func chapter(_ unit: ChapterUnit, html: String, context builder: PageContext, templates: TemplateSet) -> Page {
        let page = unit.source.page
        let path = SiteLayout.embedPage(of: page.outputPath)
        var context = builder.base(kind: .chapter, title: page.frontMatter.title, description: page.frontMatter.summary, root: root, currentPath: path)
        var values = unit.summary.context(root: SiteLayout.rootFromPage)
        values[.html] = html
        values[.fullURL] = SiteLayout.rootFromPage + URLEncoding.path(page.outputPath)
        context[.chapter] = values
        return Page(path: path, html: templates.render(context, template: "embed-chapter"))
    }

    static func rule(_ rule: Rule, html: String, unit: ChapterUnit, context builder: PageContext, templates: TemplateSet) -> Page {
        let path = SiteLayout.embedPage(of: SiteLayout.rulePage(rule.identifier))
        var context = builder.base(kind: .rule, title: "\(rule.identifier) \(rule.title)", description: nil, root: root, currentPath: path)
        var values = unit.links[rule.identifier]?.context(root: SiteLayout.rootFromPage) ?? TemplateContext()
        values[.html] = html
        values[.fullURL] = SiteLayout.rootFromPage + URLEncoding.path(SiteLayout.rulePage(rule.identifier))
        values[.change] = unit.marks[rule.identifier]?.context(root: SiteLayout.rootFromPage)
        context[.rule] = values
        return Page(path: path, html: templates.render(context, template: "embed-rule"))
    }

    static func tipList(_ unit: TipListUnit, content: TipListContent, context builder: PageContext, templates: TemplateSet) -> Page {
        let page = unit.source.page
        let path = SiteLayout.embedPage(of: page.outputPath)
        var context = builder.base(kind: .tipList, title: page.frontMatter.title, description: page.frontMatter.summary, root: root, currentPath: path)
        var values = unit.context(content: content, root: SiteLayout.rootFromPage)
        values[.fullURL] = SiteLayout.rootFromPage + URLEncoding.path(page.outputPath)
        context[.tipList] = values
        return Page(path: path, html: templates.render(context, template: "embed-tip-list"))
    }

    static func guide(_ site: SiteUnit, context: PageContext, templates: TemplateSet) -> Page {
        Page(path: SiteLayout.embedIndex, html: guideHTML(site, context: context, templates: templates))
    }

    private static func guideHTML(_ site: SiteUnit, context builder: PageContext, templates: TemplateSet) -> String {
        var context = builder.base(
            kind: .embedIndex, title: "Embed in your intranet", description: "Ready-to-copy snippets for every chapter, rule and tip list.",
            root: SiteLayout.rootFromPage, currentPath: SiteLayout.embedIndex)
        let baseURL = builder.frame.config.baseURL
        let base = baseURL ?? "https://handbook.example.org/"
        func item(title: String, page: String, height: Int) -> TemplateContext {
            let embed = SiteLayout.embedPage(of: page)
            let snippet = "<iframe src=\"\(HTML.escape(base + URLEncoding.path(embed)))\" title=\"\(HTML.escape(title))\" class=\"handbook-embed\" width=\"100%\" height=\"\(height)\" loading=\"lazy\"></iframe>"
            return [.title: title, .preview: SiteLayout.rootFromPage + URLEncoding.path(embed), .snippet: snippet]
        }
        let chapters = site.chapters.map { item(title: $0.title, page: $0.path, height: 800) }
        var embed: TemplateContext = [
            .baseKnown: baseURL != nil,
            .listener: listener,
            .chapters: chapters,
            .rules: site.rules.map { rule -> TemplateContext in
                let link = rule.link
                var values = item(title: "\(link.identifier) \(link.title)", page: SiteLayout.rulePage(link.identifier), height: 320)
                values[.id] = link.identifier
                values[.title] = link.title
                return values
            },
            .tipLists: site.tipLists.map { item(title: $0.title, page: $0.path, height: 800) },
            .hasTipLists: !site.tipLists.isEmpty,
        ]
        if let groups = PartGroup.groups(site.chapters.map(\.part)) {
            embed[.hasParts] = true
            embed[.parts] = PartSections.sections(groups, chapters: chapters)
        }
        context[.embed] = embed
        return templates.render(context, template: "embed-index")
    }
}
