/// The part of a page's context that every page has: `site`, `root`, `page` and `nav`; each
/// page kind adds its own (docs/templates.md). Made from the frame alone (`PageFrame`), so that
/// what it shows is what the pages' keys hash.
struct PageContext: Sendable {
    let frame: PageFrame
    private let templates: TemplateSet?
    /// The pages whose path is one of these mark it as the current page in the navigation.
    private let navigationPaths: Set<String>
    /// The navigation of the pages that mark none of its links (nearly all: every rule's page
    /// and embed), by the path to the site root, made and rendered once.
    private var sharedNavigation: [String: (context: SharedContext, html: String?)]

    /// With `templates`, the navigation is rendered once for the pages that share it
    /// (`NavigationPartial`).
    init(frame: PageFrame, templates: TemplateSet? = nil) {
        self.frame = frame
        self.templates = templates
        sharedSite = SharedContext(Self.site(frame))
        navigationPaths = Set([SiteLayout.home, SiteLayout.rulesIndex] + frame.chapters.map(\.path) + frame.tipLists.map(\.path))
        sharedNavigation = [:]
        var shared: [String: (context: SharedContext, html: String?)] = [:]
        for root in ["", SiteLayout.rootFromPage, SiteLayout.rootFromEmbed] {
            let navigation = navigation(root: root, currentPath: nil)
            shared[root] = (SharedContext(navigation), rendered(navigation, root: root))
        }
        sharedNavigation = shared
    }

    init(handbook: ResolvedHandbook, templates: TemplateSet? = nil) {
        self.init(frame: PageFrame(handbook), templates: templates)
    }

    /// What `partials/chapter-nav` sees when rendered once: the handbook, the root and the
    /// navigation, none of a page's own values.
    private func rendered(_ navigation: TemplateContext, root: String) -> String? {
        templates?.navigation([.site: site, .root: root, .nav: navigation])
    }

    /// Above this many chapters, pages link to the contents instead of listing every chapter
    /// (`PageFrame.chaptersListed`).
    static let chapterListLimit = 150

    /// The handbook's settings, shared by every page.
    var site: TemplateContext { sharedSite.context }
    private let sharedSite: SharedContext

    private static func site(_ frame: PageFrame) -> TemplateContext {
        let config = frame.config
        var site: TemplateContext = [.title: config.title, .language: config.language]
        site[.subtitle] = config.subtitle
        site[.organisation] = config.organisation
        site[.edition] = config.edition
        site[.description] = config.description
        site[.exampleRule] = frame.exampleRule
        site[.baseURL] = config.baseURL
        if config.draft { site[.draft] = true }
        if let previousEdition = frame.previousEdition {
            // From the site root: templates write {{root}}{{site.changesURL}}.
            site[.changesURL] = SiteLayout.changes
            site[.previousEdition] = previousEdition
        }
        return site
    }

    /// The common part of a page's context; `root` leads from the page to the site root.
    /// `kind` is one of the page kinds (`TemplateKey.home` ... `.withdrawnRule`): the value of
    /// `page.kind`, and a flag of that name in `page`.
    /// The navigation of the pages that are part of the chapter at `chapterPath` (its rules'
    /// pages), with that chapter's link marked: made and rendered once for all of them.
    struct SectionNavigation: Sendable {
        fileprivate let context: SharedContext
        fileprivate let html: String?
    }

    func sectionNavigation(root: String, chapterPath: String) -> SectionNavigation {
        let navigation = navigation(root: root, currentPath: nil, sectionPath: chapterPath)
        return SectionNavigation(context: SharedContext(navigation), html: rendered(navigation, root: root))
    }

    /// With `section`, the page shows that navigation (`sectionNavigation`).
    func base(
        kind: TemplateKey, title: String, description: String?, root: String, currentPath: String, section: SectionNavigation? = nil
    ) -> TemplateContext {
        var page: TemplateContext = [.kind: kind.rawValue, .title: title, .path: currentPath]
        page[kind] = true
        page[.description] = description ?? frame.config.description
        if let base = frame.config.baseURL {
            page[.canonical] = base + URLEncoding.path(currentPath)
            if let oembed = SiteLayout.oembed(forPage: currentPath) {
                page[.oembed] = base + URLEncoding.path(oembed)
            }
        }
        var context: TemplateContext = [.site: site, .root: root, .page: page]
        if let section {
            context[.nav] = section.context.context
            context[.chapterNavigation] = section.html
        } else if !navigationPaths.contains(currentPath), let shared = sharedNavigation[root] {
            context[.nav] = shared.context.context
            context[.chapterNavigation] = shared.html
        } else {
            let navigation = navigation(root: root, currentPath: currentPath)
            context[.nav] = navigation
            context[.chapterNavigation] = rendered(navigation, root: root)
        }
        return context
    }

    private func navigation(root: String, currentPath: String?, sectionPath: String? = nil) -> TemplateContext {
        let chapters = frame.chapters.enumerated().map { index, chapter in
            var link = link(title: chapter.title, path: chapter.path, root: root, currentPath: currentPath)
            link[.number] = chapter.number?.label ?? String(index + 1)
            link[.isAppendix] = chapter.number?.isAppendix ?? false
            if chapter.path == sectionPath { link[.currentSection] = true }
            return link
        }
        let tipLists = frame.tipLists.map { list in
            link(title: list.title, path: list.path, root: root, currentPath: currentPath)
        }
        var nav: TemplateContext = [
            .chapters: chapters,
            .tipLists: tipLists,
            .hasTipLists: frame.tipListCount > 0,
            .tipListsOmitted: !frame.tipListsListed,
            .tipListCount: frame.tipListCount,
            .chaptersOmitted: !frame.chaptersListed,
            .chapterCount: frame.chapterCount,
            .home: link(title: frame.config.title, path: SiteLayout.home, root: root, currentPath: currentPath),
            .rules: link(title: "All rules", path: SiteLayout.rulesIndex, root: root, currentPath: currentPath),
        ]
        if let groups = PartGroup.groups(frame.chapters.map(\.part)) {
            nav[.hasParts] = true
            nav[.parts] = PartSections.sections(groups, chapters: chapters)
        }
        return nav
    }

    private func link(title: String, path: String, root: String, currentPath: String?) -> TemplateContext {
        var link: TemplateContext = [.title: title, .url: root + URLEncoding.path(path)]
        if path == currentPath { link[.current] = true }
        return link
    }

    /// "1 rule", "7 rules".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
