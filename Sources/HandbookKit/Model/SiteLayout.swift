/// Where everything is in the built site: every output path, and the relative URL from one
/// output page to another, in one place. Paths are relative to the site's root folder and
/// written with `/`; they are not percent-encoded (`URLEncoding.path` does that for URLs).
public enum SiteLayout {
    // MARK: - Pages

    public static let home = "index.html"
    public static let search = "search.html"
    /// The page a web server shows for an address with no page; its links lead from the site's
    /// root (`base_url`, or `/`), as it is shown at any depth.
    public static let notFound = "404.html"
    public static let print = "print.html"
    public static let changes = "changes.html"
    public static let rulesIndex = "rules/index.html"
    public static let embedIndex = "embed/index.html"

    static let chaptersFolder = "chapters"
    static let tipListsFolder = "tips"
    static let rulesFolder = "rules"
    static let embedFolder = "embed"

    static func chapterPage(_ slug: String) -> String { "\(chaptersFolder)/\(slug).html" }
    static func tipListPage(_ slug: String) -> String { "\(tipListsFolder)/\(slug).html" }
    static func rulePage(_ identifier: String) -> String { "\(rulesFolder)/\(identifier).html" }

    /// What a page path names: the inverse of `chapterPage`, `tipListPage` and `rulePage`.
    enum Page: Equatable {
        case chapter(slug: String)
        case tipList(slug: String)
        case rule(identifier: String)
    }

    /// The chapter, tip list or rule whose page is at `path`, or nil. `rules/index.html` reads
    /// as a rule named `index`: callers that care look for `rulesIndex` first.
    static func page(at path: String) -> Page? {
        guard path.hasSuffix(".html") else { return nil }
        for (folder, page) in [(chaptersFolder, Page.chapter), (tipListsFolder, Page.tipList), (rulesFolder, Page.rule)]
        where path.hasPrefix(folder + "/") {
            return page(String(path.dropFirst(folder.count + 1).dropLast(5)))
        }
        return nil
    }

    /// The embed page of a page: `embed/rules/CONF-1.html` for `rules/CONF-1.html`.
    static func embedPage(of page: String) -> String { "\(embedFolder)/" + page }

    /// The folders of the pages made one per chapter, rule and tip list, and of their embeds.
    static let pageFolders = [chaptersFolder, rulesFolder, tipListsFolder].flatMap { [$0, "\(embedFolder)/\($0)"] }

    /// The oEmbed file of an embeddable page: `oembed/rules/CONF-1.json` for `rules/CONF-1.html`.
    static func oembed(forPage page: String) -> String? {
        guard page.hasSuffix(".html"), page != rulesIndex,
            [chaptersFolder, rulesFolder, tipListsFolder].contains(where: { page.hasPrefix($0 + "/") })
        else { return nil }
        return "oembed/" + page.dropLast(5) + ".json"
    }

    static let oembedFolder = "oembed"

    // MARK: - Files

    public static let marker = ".handbook-output"
    public static let searchIndexJSON = "search-index.json"
    public static let searchIndexScript = "search-index.js"
    public static let epub = "handbook.epub"
    public static let offlineArchive = "handbook-offline.zip"
    public static let serviceWorker = "sw.js"
    public static let manifest = "manifest.webmanifest"
    /// The paper and margins of printed pages (`PageStyle`).
    public static let pageStyle = "page.css"
    /// Each rule's title and first sentence, for the previews of references (`RulePreviews`).
    public static let rulePreviews = "rule-previews.js"
    public static let handbookIndex = "handbook.json"
    public static let handbookSchema = "handbook.schema.json"
    public static let sitemap = "sitemap.xml"

    /// Part `number` (from 0) of the search index's sections: `search-index-1.js`, ...
    static func searchIndexPart(_ number: Int) -> String { "search-index-\(number + 1).js" }

    /// Whether `path` is one of the parts: `search-index-` and digits.
    static func isSearchIndexPart(_ path: String) -> Bool {
        guard path.hasPrefix("search-index-"), path.hasSuffix(".js") else { return false }
        let number = path.dropFirst("search-index-".count).dropLast(".js".count)
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A media file, by its path inside the content's media folder.
    static func media(_ relativePath: String) -> String { mediaFolder + "/" + relativePath }
    static let mediaFolder = "media"

    /// A template asset, by its path inside the templates' assets folder.
    static func asset(_ relativePath: String) -> String { "assets/" + relativePath }
    static let epubStylesheet = asset("epub.css")
    static let favicon = asset("favicon.svg")

    // MARK: - Relative URLs

    /// The root of the site seen from a page one folder below it: every chapter, rule and tip
    /// list page. Page content is rendered for these pages.
    static let rootFromPage = "../"
    /// The root of the site seen from an embed page, two folders below it.
    static let rootFromEmbed = "../../"

    /// The root of the site seen from `page`: `""` at the root, `../` one folder down.
    static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/", omittingEmptySubsequences: false).count - 1)
    }

    /// The URL of `target` from `page`, percent-encoded.
    static func url(of target: String, from page: String) -> String {
        root(from: page) + URLEncoding.path(target)
    }
}
