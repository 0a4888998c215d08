import Foundation
import Testing
@testable import HandbookKit

/// Builds the awkward-cases fixture once and inspects its output.
@Suite("End to end: the awkward fixture")
struct AwkwardFixtureTests {
    let handbook: TestHandbook
    let report: BuildReport

    init() async throws {
        handbook = try TestHandbook(fixture: "awkward")
        // Not strict: the fixture's raw HTML is there to be dropped, which is a warning.
        report = await handbook.build()
    }

    @Test("builds with one diagnostic: its hostile raw HTML is dropped, and said to be, once for the file")
    func builds() {
        #expect(report.diagnostics.map(\.code) == [.markdownHtmlDropped])
        #expect(report.diagnostics.map(\.severity) == [.warning])
        #expect(report.diagnostics.first?.location.line == 47)
        #expect(report.diagnostics.first?.message.hasSuffix("(and 2 more in this file)") ?? false)
        #expect(report.succeeded)
    }

    @Test("every page kind is written")
    func pages() {
        for path in [
            "index.html", "chapters/basics.html", "chapters/messages.html", "rules/index.html",
            "rules/BASE-1.html", "rules/BASE-1.1.html", "rules/BASE-1.1.1.html", "rules/BASE-2.html",
            "rules/MSG-1.html", "rules/MSG-2.html", "rules/MSG-2.1.html", "tips/quick.html",
            "media/pic one.png", "assets/handbook.css", "assets/search.js", "handbook.json", "handbook.schema.json",
            "search.html", "search-index.json", "search-index.js",
        ] {
            #expect(handbook.exists(path), "missing \(path)")
        }
        #expect(handbook.exists("404.html"))
        #expect(report.pagesWritten == 26)
    }

    @Test("rules at levels 2 to 4 get their identifier as id and a block of their own")
    func ruleHeadings() throws {
        let html = try handbook.read("chapters/basics.html")
        #expect(html.contains(#"<h2 id="BASE-1" class="rule-heading"><a class="rule-id" href="../rules/BASE-1.html">BASE-1</a> <span class="rule-title">A rule at level two</span></h2>"#))
        #expect(html.contains(#"<h3 id="BASE-1.1" class="rule-heading">"#))
        #expect(html.contains(#"<h4 id="BASE-1.1.1" class="rule-heading">"#))
        #expect(html.components(separatedBy: #"<section class="rule""#).count - 1 == 4)
    }

    @Test("identifiers in code, code blocks and existing links are left alone")
    func notLinked() throws {
        let html = try handbook.read("chapters/basics.html")
        #expect(html.contains("<code>BASE-1</code>"))
        #expect(html.contains("<pre><code>BASE-2 in an indented code block"))
        #expect(html.contains("<pre><code>BASE-1 in a fenced code block"))
        #expect(html.contains(#"<a href="https://example.org/">A link that mentions BASE-1</a>"#))
        #expect(!html.contains("<a href=\"https://example.org/\">A link that mentions <a"))
    }

    @Test("tokens whose prefix no rule uses stay plain text")
    func covid() throws {
        let html = try handbook.read("chapters/basics.html")
        #expect(html.contains("COVID-19 and ISO-27001 are not rules."))
    }

    @Test("bare identifiers link, the longest defined one wins, and a full stop ends them")
    func bareIdentifiers() throws {
        let html = try handbook.read("chapters/basics.html")
        #expect(html.contains(#"then <a class="rule-ref" href="../chapters/messages.html#MSG-2.1" title="One subject per message">MSG-2.1</a>."#))
        #expect(html.contains(#"Sentence ends with <a class="rule-ref" href="../chapters/basics.html#BASE-2" title="The second rule">BASE-2</a>. Next"#))
        let messages = try handbook.read("chapters/messages.html")
        #expect(messages.contains(#"wins: <a class="rule-ref" href="../chapters/messages.html#MSG-2.1" title="One subject per message">MSG-2.1</a> is not <a class="rule-ref" href="../chapters/messages.html#MSG-2""#))
    }

    @Test("rule: links get the rule's place, title, and the identifier as text when empty")
    func ruleLinks() throws {
        let html = try handbook.read("chapters/basics.html")
        #expect(html.contains(#"<a href="../chapters/basics.html#BASE-2" title="BASE-2 The second rule">the second rule</a>"#))
        #expect(html.contains(#"<a class="rule-ref" href="../chapters/basics.html#BASE-1.1" title="BASE-1.1 A sub-rule at level three">BASE-1.1</a>"#))
    }

    @Test("Unicode and repeated headings get GitHub slugs")
    func headingSlugs() throws {
        let html = try handbook.read("chapters/basics.html")
        #expect(html.contains(#"<h2 id="why">Why</h2>"#))
        #expect(html.contains(#"<h2 id="why-1">Why</h2>"#))
        #expect(html.contains(#"<h2 id="übersicht--ärger">Übersicht &amp; Ärger</h2>"#))
    }

    @Test("raw HTML and javascript: links are dropped")
    func safe() throws {
        let html = try handbook.read("chapters/basics.html")
        #expect(!html.contains("pwned"))
        #expect(!html.contains("steal()"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains(#"<a href="">bad link</a>"#))
    }

    @Test("links between chapters and to media are rewritten to the output")
    func contentLinks() throws {
        let html = try handbook.read("chapters/messages.html")
        #expect(html.contains(#"<a href="../chapters/basics.html#why-1">the second why</a>"#))
        #expect(html.contains(#"<a href="../chapters/basics.html#BASE-1">a rule</a>"#))
        #expect(html.contains(#"<a href="../tips/quick.html#check-twice">the tips</a>"#))
        #expect(try handbook.read("chapters/basics.html").contains(#"<img src="../media/pic%20one.png" alt="A small picture" />"#))
    }

    @Test("tips: stable anchors from their bold lead, nested lists kept, rules linked")
    func tips() throws {
        let html = try handbook.read("tips/quick.html")
        #expect(html.contains(#"<li class="tip" id="check-twice">"#))
        #expect(html.contains(#"<li class="tip" id="keep-lists">"#))
        #expect(html.contains(#"<li class="tip" id="tip-3">"#))
        #expect(html.contains(#"<li class="tip" id="check-twice-1">"#))
        #expect(html.contains("<li>second point</li>"))
        // Named inside the tip, not in a closing citation: linked where it stands, and not again.
        #expect(html.contains(#"see <a class="rule-ref" href="../chapters/basics.html#BASE-1.1.1" title="A rule at level four">BASE-1.1.1</a>"#))
        #expect(!html.contains("tip-rules"))
    }

    @Test("rule pages: text, context link, cited by, and what the rule cites")
    func rulePage() throws {
        let html = try handbook.read("rules/BASE-1.html")
        #expect(html.contains("Cites <a href=\"../chapters/basics.html#BASE-2\" title=\"BASE-2 The second rule\">the second rule</a>"))
        #expect(html.contains(#"<a href="../chapters/basics.html#BASE-1">Read BASE-1 in its chapter</a>"#))
        // Its own chapter's mention is an overview of the chapter's rules: in handbook.json only.
        #expect(!html.contains(#"<a href="../chapters/basics.html">Basics &amp; edge cases</a> <span class="citation-kind">"#))
        #expect(html.contains(#"<a href="../chapters/basics.html#BASE-1.1">BASE-1.1 A sub-rule at level three</a> <span class="citation-kind">rule</span>"#))
        #expect(html.contains(#"<a href="../rules/BASE-2.html"><span class="rule-id">BASE-2</span> The second rule</a>"#))
        let deep = try handbook.read("rules/BASE-1.1.1.html")
        #expect(deep.contains(#"<a href="../tips/quick.html#keep-lists">Keep lists.</a> <span class="citation-kind">tip</span>"#))
    }

    @Test("handbook.json has chapters, rules with references and citations, and tip lists")
    func index() throws {
        let index = try handbook.index()
        #expect(index.schemaVersion == 1)
        #expect(index.title == "Awkward cases")
        #expect(index.language == "en-GB")
        #expect(index.edition == "2")
        #expect(index.chapters.map(\.slug) == ["basics", "messages"])
        #expect(index.chapters[0].rules == ["BASE-1", "BASE-1.1", "BASE-1.1.1", "BASE-2"])
        #expect(index.chapters[0].updated == "2026-01-31")
        #expect(index.chapters[1].updated == nil)
        let rules = Dictionary(uniqueKeysWithValues: index.rules.map { ($0.id, $0) })
        let base1 = try #require(rules["BASE-1"])
        #expect(base1.url == "chapters/basics.html#BASE-1")
        #expect(base1.permalink == "rules/BASE-1.html")
        #expect(base1.references == ["BASE-2", "BASE-1.1"])
        #expect(base1.text.hasPrefix("Cites the second rule and BASE-1.1."))
        #expect(base1.citedBy.map(\.kind) == ["overview", "rule"])
        #expect(base1.citedBy.map(\.url) == ["chapters/basics.html", "chapters/basics.html#BASE-1.1"])
        let msg1 = try #require(rules["MSG-1"])
        #expect(msg1.citedBy.count == 1)
        #expect(msg1.citedBy.first?.kind == "tip")
        #expect(msg1.citedBy.first?.anchor == "tip-3")
        #expect(msg1.citedBy.first?.url == "tips/quick.html#tip-3")
        let tips = try #require(index.tipLists.first)
        #expect(tips.tips.map(\.anchor) == ["check-twice", "keep-lists", "tip-3", "check-twice-1"])
        #expect(tips.tips[1].rules == ["BASE-1.1.1"])
        #expect(tips.tips[1].text.contains("second point"))
    }

    @Test("every internal link and anchor resolves")
    func links() throws {
        let (checked, broken) = try SiteLinks.broken(in: handbook.output)
        #expect(checked > 100)
        #expect(broken.map(\.description) == [])
    }

    @Test("no inline script, style element, style attribute or event handler attribute")
    func contentSecurityPolicy() throws {
        let pages = try folderContents(handbook.output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count >= 20, "only \(pages.count) pages to look at")
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.range(of: #"<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+="#, options: [.regularExpression, .caseInsensitive]) == nil, "\(path)")
            #expect(html.range(of: #"src="(https?:)?//|<link[^>]*href="(https?:)?//"#, options: .regularExpression) == nil, "\(path) loads from another host")
        }
    }

    @Test("building twice gives byte-identical output")
    func deterministic() async throws {
        let second = handbook.folder + "/Second"
        let again = await handbook.build(output: second)
        #expect(again.succeeded)
        #expect(try folderContents(second) == folderContents(handbook.output))
    }

    @Test("raw HTML is kept when handbook.yml allows it")
    func rawHTMLOptIn() async throws {
        let trusted = try TestHandbook([
            "handbook.yml": "title: Trusted\nallow_raw_html: true\n",
            "chapters/01-a.md": "---\ntitle: A\n---\n\nAn <abbr title=\"General Medical Council\">GMC</abbr> rule.\n",
        ], minimal: false)
        defer { trusted.remove() }
        #expect(await trusted.build().succeeded)
        #expect(try trusted.read("chapters/a.html").contains(#"<abbr title="General Medical Council">GMC</abbr>"#))
    }
}
