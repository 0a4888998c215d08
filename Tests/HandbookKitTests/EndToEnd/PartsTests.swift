import Foundation
import Testing
import ZIPFoundation
@testable import HandbookKit

/// Builds the engineering-catalogue fixture (three parts, a chapter before them and one after)
/// and checks where the parts show: the navigation, the home page, print, the EPUB's table of
/// contents, the embed guide and handbook.json; and that links across parts work.
@Suite("End to end: parts")
struct PartsTests {
    let handbook: TestHandbook
    let report: BuildReport

    init() async throws {
        handbook = try TestHandbook(fixture: "engineering-catalogue")
        report = await handbook.build(strict: true)
    }

    /// The text between `start` and the next `end` after it.
    private func section(_ html: String, from start: String, to end: String) throws -> String {
        let from = try #require(html.range(of: start))
        let to = try #require(html.range(of: end, range: from.upperBound..<html.endIndex))
        return String(html[from.lowerBound..<to.upperBound])
    }

    @Test("the fixture builds under --strict, its pages flat in chapters/")
    func builds() throws {
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        for slug in ["how-to-use", "open-code", "availability", "openness", "small-changes", "shared-components", "restore-drills", "glossary"] {
            #expect(handbook.exists("chapters/\(slug).html"), "\(slug)")
        }
    }

    @Test("the navigation lists each part under a heading, its chapters numbered on, the current one marked")
    func navigation() throws {
        let html = try handbook.read("chapters/openness.html")
        let nav = try section(html, from: #"<nav class="chapter-nav""#, to: "</nav>")
        #expect(nav.contains(#"<li value="1"><a href="../chapters/how-to-use.html">How to use this catalogue</a></li>"#))
        #expect(nav.contains("""
            <li class="chapter-nav-part"><h3 class="chapter-nav-part-title">Principles</h3>
            <ol start="4">
            <li><a href="../chapters/openness.html" aria-current="page">Openness</a></li>
            <li><a href="../chapters/small-changes.html">Small changes</a></li>
            </ol></li>
            """))
        #expect(nav.contains(#"<li value="8"><a href="../chapters/glossary.html">Glossary</a></li>"#))
        #expect(nav.components(separatedBy: "chapter-nav-part-title").count == 4)
        #expect(nav.components(separatedBy: "aria-current").count == 2)
        #expect(html.contains(#"<p class="eyebrow">Principles · Chapter 4</p>"#))
    }

    @Test("the home page has a section per part, with its summary and its chapters' cards")
    func home() throws {
        let html = try handbook.read("index.html")
        let standards = try section(html, from: #"<section class="part" aria-labelledby="hb-part-standards">"#, to: "</section>")
        #expect(standards.contains(#"<h3 class="part-title" id="hb-part-standards">Standards</h3>"#))
        #expect(standards.contains(#"<p class="part-summary">What every service must meet before it goes live and while it runs.</p>"#))
        #expect(standards.contains(#"<ol class="card-list" start="2">"#))
        #expect(standards.contains(#"<h4 class="card-title"><a href="chapters/open-code.html"><span class="card-number">2.</span> Code in the open</a></h4>"#))
        #expect(standards.contains("chapters/availability.html") && !standards.contains("chapters/openness.html"))
        let patterns = try section(html, from: #"aria-labelledby="hb-part-patterns""#, to: "</section>")
        #expect(!patterns.contains("part-summary"), "Patterns has no summary")
        #expect(html.contains(#"<h3 class="card-title"><a href="chapters/glossary.html"><span class="card-number">8.</span> Glossary</a></h3>"#))
    }

    @Test("print has nested contents and each part's heading before its first chapter")
    func printEdition() throws {
        let html = try handbook.read("print.html")
        let contents = try section(html, from: #"<nav class="print-contents""#, to: "</nav>")
        #expect(contents.contains("""
            <li><a href="#part-patterns">Patterns</a>
            <ol start="6">
            <li><a href="#chapter-shared-components">Shared components</a></li>
            <li><a href="#chapter-restore-drills">Restore drills</a></li>
            </ol></li>
            """))
        let part = try #require(html.range(of: #"<section class="print-part" id="part-standards""#))
        let first = try #require(html.range(of: #"<section class="print-chapter" id="chapter-open-code""#))
        let before = try #require(html.range(of: #"<section class="print-chapter" id="chapter-how-to-use""#))
        #expect(before.lowerBound < part.lowerBound && part.lowerBound < first.lowerBound)
        #expect(html.contains(#"<h1 id="part-standards-title">Standards</h1>"#))
        #expect(html.components(separatedBy: #"class="print-part""#).count == 4)
        // Links across parts point inside the page.
        #expect(html.contains(##"href="#chapter-open-code""##))
        #expect(!html.contains("02-standards"))
    }

    @Test("the EPUB's table of contents nests each part's chapters under its title page")
    func epub() throws {
        let archive = try Archive(url: URL(fileURLWithPath: handbook.output + "/handbook.epub"), accessMode: .read)
        func text(_ name: String) throws -> String {
            var data = Data()
            let entry = try #require(archive.first { $0.path == "OEBPS/" + name })
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let nav = try text("nav.xhtml")
        #expect(nav.contains("""
            <li><a href="part-standards.xhtml">Standards</a>
                <ol>
                  <li><a href="chapter-open-code.xhtml">Code in the open</a></li>
                  <li><a href="chapter-availability.xhtml">Availability and recovery</a></li>
                </ol></li>
            """))
        #expect(nav.contains(#"<li><a href="chapter-glossary.xhtml">Glossary</a></li>"#))
        let part = try text("part-principles.xhtml")
        #expect(part.contains("<h1>Principles</h1>"))
        #expect(part.contains("The reasons behind the standards"))
        let opf = try text("content.opf")
        let spine = opf.components(separatedBy: "<itemref").dropFirst().map { $0 }
        #expect(spine.count == 1 + 8 + 3 + 2, "nav, chapters, part pages, rules and the tip list")
    }

    @Test("handbook.json lists the parts with their chapters, and each chapter's part")
    func index() throws {
        let index = try handbook.index()
        let parts = try #require(index.parts)
        #expect(parts.map(\.id) == ["standards", "principles", "patterns"])
        #expect(parts[0].chapters == ["open-code", "availability"])
        #expect(parts[0].summary == "What every service must meet before it goes live and while it runs.")
        #expect(parts[2].summary == nil)
        #expect(index.chapters.map(\.part) == [nil, "standards", "standards", "principles", "principles", "patterns", "patterns", nil])
        #expect(try handbook.read("handbook.schema.json").contains(#""part": {"#))
    }

    @Test("links between parts, from a tip list and to media, written as in the source tree, reach their pages and cite across parts")
    func links() throws {
        let intro = try handbook.read("chapters/how-to-use.html")
        #expect(intro.contains(#"href="../chapters/open-code.html""#))
        #expect(intro.contains(#"href="../chapters/small-changes.html#PRIN-2""#))
        let availability = try handbook.read("chapters/availability.html")
        #expect(availability.contains(#"src="../media/availability-target.png""#))
        #expect(handbook.exists("media/availability-target.png"))
        let checklist = try handbook.read("tips/checklist.html")
        #expect(checklist.contains(#"href="../chapters/availability.html""#))
        let principles = try handbook.read("chapters/small-changes.html")
        #expect(principles.contains(#"href="../chapters/availability.html#STD-4""#))
        let index = try handbook.index()
        let std1 = try #require(index.rules.first { $0.id == "STD-1" })
        #expect(std1.citedBy.contains { $0.kind == "rule" && $0.id == "PRIN-1" })
        let prin2 = try #require(index.rules.first { $0.id == "PRIN-2" })
        #expect(prin2.citedBy.contains { $0.kind == "rule" && $0.id == "PAT-3" })
    }

    @Test("the embed guide groups the chapters by part")
    func embedGuide() throws {
        let html = try handbook.read("embed/index.html")
        let standards = try section(html, from: "<li><h3>Standards</h3>", to: "</ul></li>")
        #expect(standards.contains("embed/chapters/open-code.html"))
        #expect(!standards.contains("embed/chapters/openness.html"))
    }

    @Test("a handbook without parts shows none of their markup")
    func withoutParts() async throws {
        let plain = try TestHandbook()
        defer { plain.remove() }
        #expect(await plain.build(strict: true).succeeded)
        for page in ["index.html", "chapters/first.html", "print.html", "embed/index.html"] {
            let html = try plain.read(page)
            for marker in ["chapter-nav-part", "hb-part-", "print-part", "<li><h3>", "<ol start"] {
                #expect(!html.contains(marker), "\(page): \(marker)")
            }
        }
        #expect(try plain.index().parts == nil)
    }

    @Test("a rebuild picks up a changed part.yml, a new part and a chapter moved into it, as a whole build would")
    func rebuild() async throws {
        let session = try IncrementalRebuildTests.Session([:])
        defer { session.handbook.remove() }
        try? FileManager.default.removeItem(atPath: session.handbook.content)
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/engineering-catalogue", toPath: session.handbook.content)
        #expect(await HandbookBuilder.build(session.options, cache: session.cache).succeeded)

        try session.edit("chapters/03-principles/part.yml") { $0.replacingOccurrences(of: "title: Principles", with: "title: Guiding principles") }
        _ = try await session.rebuildAndCompare()
        #expect(try session.handbook.read("chapters/open-code.html").contains("Guiding principles</h3>"))
        #expect(try session.handbook.read("index.html").contains(">Guiding principles</h3>"))

        try session.handbook.write("title: Appendices\n", to: "chapters/06-appendices/part.yml")
        let glossary = session.handbook.content + "/chapters/05-glossary.md"
        try FileManager.default.moveItem(atPath: glossary, toPath: session.handbook.content + "/chapters/06-appendices/01-glossary.md")
        _ = try await session.rebuildAndCompare()
        #expect(try session.handbook.read("chapters/glossary.html").contains(#"<p class="eyebrow">Appendices · Chapter 8</p>"#))
        #expect(try session.handbook.index().parts?.last?.chapters == ["glossary"])
    }
}
