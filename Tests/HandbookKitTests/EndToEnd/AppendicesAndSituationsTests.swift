import Foundation
import Testing
import ZIPFoundation
@testable import HandbookKit

/// A hospital trust's IT policy with an appendix part and entry points by situation: the
/// appendices lettered everywhere a chapter's number shows, the chapters after them numbered
/// on, and the situations on the home page linking to their rules.
@Suite("End to end: appendices and situations")
struct AppendicesAndSituationsTests {
    private static func chapter(_ title: String, rules: [String] = []) -> String {
        "---\ntitle: \(title)\nsummary: About \(title.lowercased()).\n---\n\nIntro.\n\n"
            + rules.map { "## \($0) Rule \($0)\n\nBecause.\n\n" }.joined()
    }

    private static let files: [String: String] = [
        "handbook.yml": """
            title: Trust IT policy
            language: en-GB
            situations:
              I lost my laptop: DEV-2, DEV-1
              "Someone asked for my password: what now?": ACC-1
            """,
        "chapters/01-devices.md": chapter("Devices", rules: ["DEV-1", "DEV-2"]),
        "chapters/02-accounts.md": chapter("Accounts", rules: ["ACC-1"]),
        "chapters/03-reference/part.yml": "title: Reference\nappendix: true\n",
        "chapters/03-reference/01-forms.md": chapter("Forms"),
        "chapters/03-reference/02-contacts.md": chapter("Contacts"),
        "chapters/04-later/part.yml": "title: Later\n",
        "chapters/04-later/01-retired.md": chapter("Retired systems", rules: ["RET-1"]),
    ]

    let handbook: TestHandbook
    let report: BuildReport

    init() async throws {
        handbook = try TestHandbook(Self.files, minimal: false)
        report = await handbook.build(strict: true)
    }

    @Test("the appendices are lettered A and B, and the chapter after them is numbered 3")
    func lettered() throws {
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(try handbook.read("chapters/forms.html").contains(#"<p class="eyebrow">Reference · Appendix A</p>"#))
        #expect(try handbook.read("chapters/contacts.html").contains(#"<p class="eyebrow">Reference · Appendix B</p>"#))
        let retired = try handbook.read("chapters/retired.html")
        #expect(retired.contains(#"<p class="eyebrow">Later · Chapter 3</p>"#))
        #expect(retired.contains("""
            <li class="chapter-nav-part"><h3 class="chapter-nav-part-title">Reference</h3>
            <ol type="A">
            """))
        #expect(retired.contains("""
            <li class="chapter-nav-part"><h3 class="chapter-nav-part-title">Later</h3>
            <ol start="3">
            """))
        let home = try handbook.read("index.html")
        #expect(home.contains(#"<ol class="card-list" type="A">"#))
        #expect(home.contains(#"<span class="card-number">B.</span> Contacts"#))
        #expect(home.contains(#"<span class="card-number">3.</span> Retired systems"#))
        let print = try handbook.read("print.html")
        #expect(print.contains(#"<p class="eyebrow">Appendix A</p>"#))
        #expect(print.contains(#"<p class="eyebrow">Chapter 3</p>"#))
        #expect(print.contains("<h2>3. Retired systems</h2>"))
        let rules = try handbook.read("rules/index.html")
        #expect(rules.contains(#"3. Retired systems</a></h2>"#))
    }

    @Test("the EPUB calls an appendix an appendix")
    func epub() throws {
        let archive = try Archive(url: URL(fileURLWithPath: handbook.output + "/handbook.epub"), accessMode: .read)
        var data = Data()
        let entry = try #require(archive.first { $0.path == "OEBPS/chapter-contacts.xhtml" })
        _ = try archive.extract(entry) { data.append($0) }
        #expect(String(decoding: data, as: UTF8.self).contains(#"<p class="eyebrow">Appendix B</p>"#))
    }

    @Test("the home page lists the situations in order, each linking to its first rule in its chapter, with every rule's title")
    func situations() throws {
        let home = try handbook.read("index.html")
        let start = try #require(home.range(of: #"<section class="situations""#))
        let end = try #require(home.range(of: "</section>", range: start.upperBound..<home.endIndex))
        let section = String(home[start.lowerBound..<end.upperBound])
        #expect(section.contains(#"<li class="situation"><a class="situation-link" href="chapters/devices.html#DEV-2">I lost my laptop</a>"#))
        #expect(section.contains(#"<li><a class="rule-ref" href="chapters/devices.html#DEV-1">DEV-1</a><span class="situation-rule-title"> Rule DEV-1</span></li>"#))
        #expect(section.contains(#"href="chapters/accounts.html#ACC-1">Someone asked for my password: what now?</a>"#))
        let laptop = try #require(section.range(of: "I lost my laptop"))
        let password = try #require(section.range(of: "Someone asked"))
        #expect(laptop.lowerBound < password.lowerBound)
        let dev2 = try #require(section.range(of: ">DEV-2<"))
        let dev1 = try #require(section.range(of: ">DEV-1<"))
        #expect(dev2.lowerBound < dev1.lowerBound, "rules in the order written")
    }

    @Test("handbook.json lists the situations with their rules, for intranet editors; the schema allows them")
    func index() throws {
        let index = try handbook.index()
        #expect(index.situations == [
            .init(text: "I lost my laptop", rules: ["DEV-2", "DEV-1"]),
            .init(text: "Someone asked for my password: what now?", rules: ["ACC-1"]),
        ])
        #expect(try handbook.read("handbook.schema.json").contains(#""situation": {"#))
    }

    @Test("a handbook without situations or appendices shows none of their markup")
    func without() async throws {
        let plain = try TestHandbook()
        defer { plain.remove() }
        #expect(await plain.build(strict: true).succeeded)
        let home = try plain.read("index.html")
        #expect(!home.contains("situation"))
        #expect(!home.contains("type=\"A\""))
        #expect(try plain.read("chapters/first.html").contains(#"<p class="eyebrow">Chapter 1</p>"#))
        #expect(try plain.index().situations == nil, "handbook.json has no situations key")
        #expect(!(try plain.read("handbook.json")).contains("situations"))
    }

    @Test("a situation naming a rule no chapter defines is an error at its line in handbook.yml, with the closest rule")
    func unknownRule() async throws {
        let broken = try TestHandbook([
            "handbook.yml": "title: T\nsituations:\n  I lost my laptop: FIRST-1, FRST-2\n",
            "chapters/01-first.md": Self.chapter("First", rules: ["FIRST-1", "FIRST-2"]),
        ], minimal: false)
        defer { broken.remove() }
        let report = await broken.build()
        #expect(!report.succeeded)
        let problems = report.diagnostics.filter { $0.code == .ruleUnknown }
        #expect(problems.count == 1, "\(report.diagnostics)")
        #expect(problems.first?.location.file.hasSuffix("handbook.yml") == true)
        #expect(problems.first?.location.line == 3)
        #expect(problems.first?.message.contains("FRST-2") == true)
        #expect(problems.first?.suggestion == "did you mean FIRST-2?")
    }
}
