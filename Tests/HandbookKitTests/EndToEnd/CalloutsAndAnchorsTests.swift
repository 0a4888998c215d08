import Foundation
import Testing
import ZIPFoundation
@testable import HandbookKit

/// Builds the clinical-policies fixture (callouts of every kind, explicit anchors, old anchors
/// kept as aliases) and the unsupported fixture (one of each construct the parser leaves as text
/// or drops, and a media file nothing uses).
@Suite("End to end: callouts, anchors and what the parser does not support")
struct CalloutsAndAnchorsTests {
    let handbook: TestHandbook
    let report: BuildReport

    init() async throws {
        handbook = try TestHandbook(fixture: "clinical-policies")
        report = await handbook.build(strict: true)
    }

    private static let kinds = [("note", "Note"), ("tip", "Tip"), ("important", "Important"), ("warning", "Warning"), ("caution", "Caution")]

    private static func callout(_ kind: String, _ title: String) -> String {
        "<div class=\"callout callout-\(kind)\" role=\"note\" aria-label=\"\(title)\">\n<p class=\"callout-title\">\(title)</p>\n"
    }

    @Test("builds with no diagnostics, even strict")
    func builds() {
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.succeeded)
    }

    @Test("the chapter page shows every kind of callout, without its marker")
    func chapterCallouts() throws {
        let html = try handbook.read("chapters/infection-prevention.html")
        for (kind, title) in Self.kinds {
            #expect(html.contains(Self.callout(kind, title)), "no \(kind) callout")
        }
        #expect(html.contains(Self.callout("tip", "Tip") + "<p>Carry a personal alcohol hand rub bottle"))
        #expect(!html.contains("[!"))
        #expect(!html.contains("<blockquote>"))
    }

    @Test("rule pages, embeds, print, the EPUB and handbook.json carry the callouts too")
    func calloutsEverywhere() throws {
        let tip = Self.callout("tip", "Tip")
        let important = Self.callout("important", "Important")
        let rulePage = try handbook.read("rules/IPC-1.html")
        #expect(rulePage.contains(tip) && rulePage.contains(important))
        #expect(try handbook.read("embed/rules/IPC-1.html").contains(tip))
        #expect(try handbook.read("embed/chapters/infection-prevention.html").contains(Self.callout("caution", "Caution")))
        let print = try handbook.read("print.html")
        for (kind, title) in Self.kinds { #expect(print.contains(Self.callout(kind, title)), "print has no \(kind)") }
        let index = try handbook.index()
        #expect(index.rules.first { $0.id == "IPC-1" }?.html.contains(tip) == true)
        #expect(index.rules.first { $0.id == "IPC-3" }?.html.contains(Self.callout("caution", "Caution")) == true)
        let text = try #require(index.rules.first { $0.id == "IPC-1" }?.text)
        #expect(text.contains("Tip: Carry a personal alcohol hand rub bottle"))
        #expect(!text.contains("[!"))
        #expect(try !handbook.read("search-index.json").contains("[!"))

        let archive = try Archive(url: URL(fileURLWithPath: handbook.output + "/handbook.epub"), accessMode: .read)
        var data = Data()
        let entry = try #require(archive.first { $0.path.hasSuffix("chapter-infection-prevention.xhtml") })
        _ = try archive.extract(entry) { data.append($0) }
        let xhtml = String(decoding: data, as: UTF8.self)
        #expect(xhtml.contains(Self.callout("warning", "Warning")))
        #expect(xhtml.contains(#"<span class="anchor-alias" id="hand-hygiene-policy"></span>"#))
        var css = Data()
        let stylesheet = try #require(archive.first { $0.path.hasSuffix("style.css") })
        _ = try archive.extract(stylesheet) { css.append($0) }
        #expect(String(decoding: css, as: UTF8.self).contains(".callout-title"))
        #expect(try handbook.read("assets/handbook.css").contains(".callout-caution"))
    }

    @Test("explicit anchors are the headings' ids, and are left out of titles, contents, search and handbook.json")
    func explicitAnchors() throws {
        let html = try handbook.read("chapters/infection-prevention.html")
        #expect(html.contains(#"<h2 id="scope">Scope of this policy</h2>"#))
        #expect(html.contains(#"<h3 id="side-room-choice">Choosing a side room</h3>"#))
        #expect(html.contains(##"<li><a href="#scope">Scope of this policy</a></li>"##))
        #expect(html.contains(#"<span class="anchor-alias" id="hand-hygiene"></span><h2 id="IPC-1" class="rule-heading">"#),
                "a rule's explicit anchor is an alias of its identifier")
        let medicines = try handbook.read("chapters/medicines.html")
        #expect(medicines.contains(#"<h2 id="controlled-drugs">Controlled drugs</h2>"#))
        #expect(medicines.contains("Keep medicines fridges between 2 °C and 8 °C</span></h2>"))
        for path in ["chapters/infection-prevention.html", "chapters/medicines.html", "rules/MED-2.html", "search-index.json", "handbook.json", "print.html"] {
            #expect(try !handbook.read(path).contains("{#"), "\(path) shows an anchor's syntax")
        }
        #expect(try handbook.index().rules.first { $0.id == "MED-2" }?.title == "Keep medicines fridges between 2 °C and 8 °C")
    }

    @Test("old anchors get an element before their heading, links to them go to the heading, and handbook.json lists them")
    func aliases() throws {
        let html = try handbook.read("chapters/infection-prevention.html")
        #expect(html.contains(#"<span class="anchor-alias" id="scope-of-this-policy"></span><span class="anchor-alias" id="old-scope"></span><h2 id="scope">"#))
        #expect(html.contains(#"<span class="anchor-alias" id="ipc-isolation"></span><h2 id="IPC-3""#))
        let medicines = try handbook.read("chapters/medicines.html")
        #expect(medicines.contains(#"<a href="../chapters/infection-prevention.html#IPC-1">hand hygiene standard</a>"#))
        #expect(medicines.contains(#"<a href="../chapters/infection-prevention.html#IPC-3">isolation rule</a>"#))
        #expect(medicines.contains(#"<a href="../chapters/infection-prevention.html#scope">scope</a>"#))
        #expect(medicines.contains(#"<a href="../chapters/medicines.html#MED-2">fridge record</a>"#))
        #expect(medicines.contains(#"<a href="../chapters/medicines.html#controlled-drugs">old section name</a>"#))
        // Every id once per page.
        for page in [html, medicines] {
            let ids = page.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
            #expect(Set(ids).count == ids.count, "repeated ids: \(ids)")
        }
        let print = try handbook.read("print.html")
        #expect(print.contains(#"<span class="anchor-alias" id="infection-prevention--hand-hygiene-policy"></span>"#))
        #expect(print.contains(##"<a href="#IPC-1">hand hygiene standard</a>"##))

        let chapters = try handbook.index().chapters
        #expect(chapters[0].anchors == [
            "hand-hygiene": "IPC-1", "hand-hygiene-policy": "IPC-1", "ipc-isolation": "IPC-3",
            "old-scope": "scope", "scope-of-this-policy": "scope",
        ])
        #expect(chapters[1].anchors == ["fridge-temperatures": "MED-2", "med-fridge": "MED-2", "old-controlled-drugs": "controlled-drugs"])
    }

    @Test("the unsupported fixture: each construct warned once per file, at its first place, with what to write instead")
    func unsupported() async throws {
        let converted = try TestHandbook(fixture: "unsupported")
        let report = await converted.build()
        #expect(report.succeeded)
        let file = "chapters/01-converted.md"
        let expected: [(DiagnosticCode, Int, Int, String, String)] = [
            (.markdownHtmlDropped, 6, 1, "HTML anchor", "`## Title {#name}`"),
            (.markdownTable, 11, 1, "(and 1 more in this file)", "`- **Column**: value`"),
            (.markdownFootnote, 14, 48, "(and 2 more in this file)", "[note](#notes)"),
            (.markdownTaskList, 18, 3, "(and 1 more in this file)", "`- **Done:** ...`"),
            (.markdownStrikethrough, 21, 6, "(and 1 more in this file)", "change note"),
            (.markdownDefinitionList, 24, 1, "definition list", "`- **Term**: definition`"),
            (.markdownHtmlDropped, 26, 1, "HTML image", "`![what it shows](../media/NAME)`"),
            (.markdownHtmlDropped, 28, 1, "raw HTML", "`allow_raw_html: true`"),
        ]
        let onPage = report.diagnostics.filter { $0.location.file.hasSuffix(file) }
        #expect(onPage.count == expected.count, "\(onPage)")
        for (diagnostic, want) in zip(onPage, expected) {
            #expect(diagnostic.code == want.0)
            #expect(diagnostic.severity == .warning)
            #expect(diagnostic.location.line == want.1 && diagnostic.location.column == want.2, "\(diagnostic)")
            #expect(diagnostic.message.contains(want.3), "\(diagnostic)")
            #expect(diagnostic.suggestion?.contains(want.4) == true, "\(diagnostic)")
        }
        let media = report.diagnostics(.mediaUnused)
        #expect(media.count == 1)
        #expect(media.first?.location.file.hasSuffix("media/unused-logo.png") == true)
        #expect(report.diagnostics.count == expected.count + 1)
        #expect(await converted.build(strict: true).succeeded == false, "strict refuses the warnings")
    }
}
