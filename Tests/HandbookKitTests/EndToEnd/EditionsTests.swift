import Foundation
import Testing
import ZIPFoundation
@testable import HandbookKit

/// The offline editions and the embeddable pages, built from the awkward fixture.
@Suite("End to end: print, EPUB, offline archive, service worker, embeds")
struct EditionsTests {
    let handbook: TestHandbook
    let report: BuildReport

    init() async throws {
        handbook = try TestHandbook(fixture: "awkward")
        // Not strict: the fixture's raw HTML is dropped, which is a warning.
        report = await handbook.build()
    }

    @Test("print.html has every chapter, the rules and the tip lists, and links only inside itself")
    func printEdition() throws {
        #expect(report.succeeded)
        let html = try handbook.read("print.html")
        for id in ["chapter-basics", "chapter-messages", "rules", "tips-quick", "BASE-1", "BASE-1.1.1", "MSG-2.1",
                   "basics--why", "basics--why-1", "tips-quick--check-twice"] {
            #expect(html.contains(" id=\"\(id)\""), "missing #\(id)")
        }
        // Links between pages become links within the page.
        #expect(html.contains(##"<a href="#basics--why-1">the second why</a>"##))
        #expect(html.contains(##"<a href="#tips-quick--check-twice">the tips</a>"##))
        #expect(html.contains(##"<a class="rule-ref" href="#MSG-2.1""##))
        #expect(html.contains(##"<a class="rule-id" href="#BASE-1">BASE-1</a>"##))
        #expect(html.contains(#"<img src="media/pic%20one.png""#))
        let main = String(html[html.range(of: "<main")!.lowerBound...])
        let outward = SiteLinks.matches(of: ##"\shref="(?![a-z]+:)([^"#][^"]*)""##, in: String(main[..<main.range(of: "</main>")!.lowerBound]))
        #expect(outward == [], "links out of the print edition: \(outward)")
        let ids = SiteLinks.matches(of: #"\sid="([^"]*)""#, in: html)
        #expect(Set(ids).count == ids.count, "repeated ids in print.html")
    }

    @Test("embed pages: content without chrome, links to the full site in the top window, the height script")
    func embeds() throws {
        for path in ["embed/chapters/basics.html", "embed/rules/BASE-1.html", "embed/tips/quick.html"] {
            let html = try handbook.read(path)
            #expect(html.contains(#"<base href="../../chapters/" target="_top">"#), "\(path)")
            #expect(html.contains(#"<script src="../assets/embed.js" defer></script>"#), "\(path)")
            #expect(!html.contains("site-header") && !html.contains("chapter-nav") && !html.contains("search-box") && !html.contains("site-footer"), "\(path)")
        }
        let card = try handbook.read("embed/rules/BASE-1.html")
        #expect(card.contains(#"<article class="rule-card">"#))
        #expect(card.contains(#"<h1><span class="rule-id">BASE-1</span> A rule at level two</h1>"#))
        #expect(card.contains(#"<a href="../rules/BASE-1.html">Read BASE-1 in full</a>"#))
        let guide = try handbook.read("embed/index.html")
        #expect(guide.contains("&lt;iframe src=&quot;https://handbook.example.org/embed/rules/BASE-1.html&quot;"))
        #expect(guide.contains("handbook:height"))
    }

    @Test("handbook.json has each rule's and tip's HTML, links relative to the site root")
    func fragments() throws {
        let index = try handbook.index()
        let rule = try #require(index.rules.first { $0.id == "BASE-1" })
        #expect(rule.html.contains(#"<a href="chapters/basics.html#BASE-2" title="BASE-2 The second rule">the second rule</a>"#))
        #expect(!rule.html.contains("../"))
        let tip = try #require(index.tipLists.first?.tips.first { $0.anchor == "keep-lists" })
        #expect(tip.html.contains("<li>second point</li>"))
    }

    @Test("without base_url: no canonical links, no sitemap, no oEmbed")
    func relativeOnly() throws {
        #expect(!handbook.exists("sitemap.xml"))
        #expect(!handbook.exists("oembed"))
        #expect(!(try handbook.read("chapters/basics.html")).contains("rel=\"canonical\""))
    }

    @Test("with base_url: canonical links, sitemap, oEmbed discovery and files, absolute fragments")
    func published() async throws {
        let site = try TestHandbook(fixture: "awkward")
        let config = try String(contentsOfFile: site.content + "/handbook.yml", encoding: .utf8)
        try site.write(config + "base_url: https://example.org/handbook\n", to: "handbook.yml")
        #expect(await site.build().succeeded)
        let chapter = try site.read("chapters/basics.html")
        #expect(chapter.contains(#"<link rel="canonical" href="https://example.org/handbook/chapters/basics.html">"#))
        #expect(chapter.contains(#"<link rel="alternate" type="application/json+oembed" href="https://example.org/handbook/oembed/chapters/basics.json""#))
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/handbook/rules/BASE-1.1.html</loc>"))
        let oembed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site.output + "/oembed/rules/BASE-1.json"))) as? [String: Any]
        #expect(oembed?["type"] as? String == "rich")
        #expect((oembed?["html"] as? String)?.contains(#"src="https://example.org/handbook/embed/rules/BASE-1.html""#) == true)
        let rule = try #require(try site.index().rules.first { $0.id == "BASE-1" })
        #expect(rule.html.contains(#"href="https://example.org/handbook/chapters/basics.html#BASE-2""#))
        #expect(try site.read("embed/index.html").contains("https://example.org/handbook/embed/rules/BASE-1.html"))
    }

    @Test("a base_url that is not an http address is an error at its line")
    func badBaseURL() async throws {
        let site = try TestHandbook(["handbook.yml": "title: T\nbase_url: ftp://example.org\n"])
        let report = await site.build()
        #expect(report.diagnostics.map(\.code) == [.configBaseURL])
        #expect(report.diagnostics.first?.location.line == 2)
    }

    @Test("the offline archive holds what a reader opens from the disk, under the handbook's name, and offers only that")
    func archive() throws {
        let archive = try Archive(url: URL(fileURLWithPath: handbook.output + "/handbook-offline.zip"), accessMode: .read)
        let paths = Set(archive.map(\.path))
        for held in ["index.html", "chapters/basics.html", "rules/BASE-1.1.1.html", "search.html", "search-index.js",
                     "assets/handbook.css", "media/pic one.png", "print.html"] {
            #expect(paths.contains("awkward-cases/" + held), "the archive lacks \(held)")
        }
        // What only a server or another program uses, and the downloads of their own.
        for left in ["handbook-offline.zip", "handbook.epub", "handbook.json", "handbook.schema.json", "search-index.json",
                     "sw.js", "embed/index.html", "embed/rules/BASE-1.1.1.html", ".handbook-output"] {
            #expect(!paths.contains("awkward-cases/" + left), "the archive holds \(left)")
        }
        #expect(!paths.contains { $0.hasPrefix("awkward-cases/embed/") || $0.hasPrefix("awkward-cases/oembed/") })
        let home = try #require(try archive["awkward-cases/index.html"].map { entry -> String in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        })
        #expect(home.contains(#"<a href="print.html">Print edition</a>"#))
        #expect(!home.contains("handbook-offline.zip") && !home.contains(#"href="handbook.epub""#),
            "the archive's home page offers a download the archive does not hold")
        let site = try handbook.read("index.html")
        #expect(home != site && site.contains("handbook-offline.zip"))
    }

    @Test("the home page offers the downloads with their sizes")
    func downloads() throws {
        let home = try handbook.read("index.html")
        let size = try FileManager.default.attributesOfItem(atPath: handbook.output + "/handbook-offline.zip")[.size] as? Int ?? 0
        #expect(home.contains("ZIP, \(Downloads.label(size))"))
        #expect(home.contains(#"<a href="handbook.epub">EPUB edition</a>"#))
        #expect(home.contains(#"<a href="print.html">Print edition</a>"#))
    }

    @Test("the service worker precaches what a reader opens, under a content-derived cache name")
    func serviceWorker() throws {
        let worker = try handbook.read("sw.js")
        let version = try #require(SiteLinks.matches(of: #"var CACHE = PREFIX \+ '([0-9a-f]+)'"#, in: worker).first)
        #expect(version.count >= 8)
        for file in ["index.html", "chapters/basics.html", "rules/BASE-1.1.1.html", "search.html", "search-index.js",
                     "assets/search.js", "assets/handbook.css", "media/pic%20one.png", "print.html"] {
            #expect(worker.contains("\"\(file)\""), "sw.js does not precache \(file)")
        }
        for file in ["handbook-offline.zip", "handbook.epub", "handbook.json", "handbook.schema.json", "search-index.json",
                     "embed/index.html", "embed/rules/BASE-1.1.1.html", "sitemap.xml", "sw.js"] {
            #expect(!worker.contains("\"\(file)\""), "sw.js precaches \(file), which a reader never opens")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: handbook.output + "/manifest.webmanifest"))) as? [String: Any]
        #expect(manifest?["name"] as? String == "Awkward cases")
        #expect(manifest?["start_url"] as? String == "./index.html")
    }

    @Test("the cache name changes when the content does")
    func cacheVersionFollowsContent() async throws {
        let site = try TestHandbook(fixture: "awkward")
        #expect(await site.build().succeeded)
        let before = try site.read("sw.js")
        let messages = try String(contentsOfFile: site.content + "/chapters/02-messages.md", encoding: .utf8)
        try site.write(messages + "\nOne more sentence.\n", to: "chapters/02-messages.md")
        #expect(await site.build().succeeded)
        #expect(try site.read("sw.js") != before)
    }

    @Test("the EPUB's documents link inside the book")
    func epubLinks() throws {
        let archive = try Archive(url: URL(fileURLWithPath: handbook.output + "/handbook.epub"), accessMode: .read)
        var basics = Data()
        let entry = try #require(archive.first { $0.path.hasSuffix("chapter-basics.xhtml") })
        _ = try archive.extract(entry) { basics.append($0) }
        let text = String(decoding: basics, as: UTF8.self)
        #expect(text.contains(#"href="chapter-messages.xhtml#MSG-2.1""#))
        #expect(text.contains(#"<a class="rule-id" href="chapter-basics.xhtml#BASE-1">BASE-1</a>"#))
        #expect(!text.contains("../"))
    }
}
