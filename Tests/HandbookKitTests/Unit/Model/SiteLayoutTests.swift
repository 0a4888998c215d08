import Testing
@testable import HandbookKit

@Suite("SiteLayout")
struct SiteLayoutTests {
    @Test("pages of chapters, tip lists, rules and embeds have one folder each")
    func pagePaths() {
        #expect(SiteLayout.chapterPage("boundaries") == "chapters/boundaries.html")
        #expect(SiteLayout.tipListPage("quick") == "tips/quick.html")
        #expect(SiteLayout.rulePage("CONF-2.1") == "rules/CONF-2.1.html")
        #expect(SiteLayout.embedPage(of: "rules/CONF-2.1.html") == "embed/rules/CONF-2.1.html")
        #expect(SiteLayout.media("photos/a b.png") == "media/photos/a b.png")
        #expect(SiteLayout.asset("handbook.css") == "assets/handbook.css")
        #expect(SiteLayout.pageFolders == ["chapters", "embed/chapters", "rules", "embed/rules", "tips", "embed/tips"])
    }

    @Test("page(at:) reads back what chapterPage, tipListPage and rulePage wrote", arguments: ["boundaries", "a-1", "x"])
    func pageInverse(_ name: String) {
        #expect(SiteLayout.page(at: SiteLayout.chapterPage(name)) == .chapter(slug: name))
        #expect(SiteLayout.page(at: SiteLayout.tipListPage(name)) == .tipList(slug: name))
        let identifier = name.uppercased() + "-1.2"
        #expect(SiteLayout.page(at: SiteLayout.rulePage(identifier)) == .rule(identifier: identifier))
    }

    @Test("page(at:) is nil for every other file", arguments: [
        "index.html", "search.html", "chapters/x.json", "media/a.html", "embed/rules/A-1.html", "chaptersx/a.html", "rules",
    ])
    func notAPage(_ path: String) {
        #expect(SiteLayout.page(at: path) == nil)
    }

    @Test("the root seen from a page climbs one folder per folder the page is in")
    func root() {
        #expect(SiteLayout.root(from: "index.html") == "")
        #expect(SiteLayout.root(from: "rules/A-1.html") == "../")
        #expect(SiteLayout.root(from: "embed/rules/A-1.html") == "../../")
        #expect(SiteLayout.root(from: SiteLayout.chapterPage("x")) == SiteLayout.rootFromPage)
        #expect(SiteLayout.root(from: SiteLayout.embedPage(of: SiteLayout.chapterPage("x"))) == SiteLayout.rootFromEmbed)
    }

    @Test("url(of:from:) goes through the root and percent-encodes the target, but not the way up")
    func url() {
        #expect(SiteLayout.url(of: "rules/A-1.html", from: "chapters/x.html") == "../rules/A-1.html")
        #expect(SiteLayout.url(of: "media/photo one.png", from: "embed/chapters/x.html") == "../../media/photo%20one.png")
        #expect(SiteLayout.url(of: "chapters/café.html", from: "index.html") == "chapters/caf%C3%A9.html")
        #expect(SiteLayout.url(of: "media/a#b?.png", from: "rules/A-1.html") == "../media/a%23b%3F.png")
    }

    @Test("oembed(forPage:) names a JSON file for chapter, rule and tip-list pages only")
    func oembed() {
        #expect(SiteLayout.oembed(forPage: "chapters/boundaries.html") == "oembed/chapters/boundaries.json")
        #expect(SiteLayout.oembed(forPage: "rules/CONF-1.html") == "oembed/rules/CONF-1.json")
        #expect(SiteLayout.oembed(forPage: "tips/quick.html") == "oembed/tips/quick.json")
        // Only the list of rules is left out, not a chapter or tip list whose slug ends in "index".
        #expect(SiteLayout.oembed(forPage: "chapters/reindex.html") == "oembed/chapters/reindex.json")
        #expect(SiteLayout.oembed(forPage: "tips/index.html") == "oembed/tips/index.json")
        for page in [SiteLayout.rulesIndex, SiteLayout.home, SiteLayout.search, "media/a.html", "embed/rules/A-1.html", "rules/A-1.json"] {
            #expect(SiteLayout.oembed(forPage: page) == nil, "\(page)")
        }
    }

    @Test("isSearchIndexPart takes the numbered parts and nothing else")
    func searchIndexParts() {
        #expect(SiteLayout.searchIndexPart(0) == "search-index-1.js")
        for number in [0, 1, 9, 41] {
            #expect(SiteLayout.isSearchIndexPart(SiteLayout.searchIndexPart(number)))
        }
        for path in [SiteLayout.searchIndexScript, SiteLayout.searchIndexJSON, "search-index-.js", "search-index-1a.js", "search-index-١.js",
                     "search-index-1.json", "x/search-index-1.js"] {
            #expect(!SiteLayout.isSearchIndexPart(path), "\(path)")
        }
    }
}
