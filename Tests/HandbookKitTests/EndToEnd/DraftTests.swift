import Foundation
import Testing
@testable import HandbookKit

/// A consultation draft (`broken_links: warning`), `--draft`, citations of structure kept apart,
/// and front matter's `extra:` fields in a custom template.
@Suite("End to end: drafts, citations and extra fields")
struct DraftTests {
    @Test("a draft with broken links builds, reporting each as a warning at its line, and shows them as text")
    func brokenLinksAreWarnings() async throws {
        let handbook = try TestHandbook(fixture: "draft-procedures")
        let report = await handbook.build()
        #expect(report.succeeded)
        let problems = report.diagnostics.map {
            "\($0.severity) \($0.code.rawValue) \(URL(fileURLWithPath: $0.location.file).lastPathComponent):\($0.location.line)"
        }
        #expect(problems == [
            "warning link.anchor 01-leave.md:12",
            "warning link.broken 01-leave.md:29",
            "warning rule.unknown 01-leave.md:30",
        ])
        let html = try handbook.read("chapters/leave.html")
        #expect(html.contains(#"<span class="link-broken" title="Broken link: 02-appeals.md#???">the appeals process</span>"#))
        #expect(html.contains(#"<span class="link-broken" title="Broken link: 03-sickness.md">the sickness"#))
        #expect(html.contains(#"<span class="link-broken" title="Broken link: rule:HR-9">rule:HR-9</span>"#))
        #expect(!html.contains("href=\"02-appeals.md"))
        #expect(!html.contains("href=\"03-sickness.md"))
        // The rule's own page and the print edition show the same text.
        #expect(try handbook.read("rules/HR-2.html").contains(#"<span class="link-broken" title="Broken link: 03-sickness.md">"#))
        #expect(try handbook.read("print.html").contains(#"<span class="link-broken" title="Broken link: 02-appeals.md#???">"#))
    }

    @Test("the same draft fails when built strictly, and a handbook without the setting fails on its broken links")
    func strictAndDefault() async throws {
        let strict = try TestHandbook(fixture: "draft-procedures")
        #expect(await !strict.build(strict: true).succeeded)

        let plain = try TestHandbook(fixture: "draft-procedures")
        try plain.write("title: Staff Procedures Manual\n", to: "handbook.yml")
        let report = await plain.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.linkAnchor, .linkBroken, .ruleUnknown])
        #expect(!plain.exists("index.html"))
    }

    @Test("broken_links takes error or warning only")
    func badValue() {
        let (config, problems) = HandbookConfig.parse(SourceFile(path: "/x/handbook.yml", displayPath: "handbook.yml", text: "title: T\nbroken_links: ignore\n"))
        #expect(config?.brokenLinksAreWarnings == false)
        #expect(problems.map(\.code) == [.configType])
        #expect(problems.first?.location.line == 2)
    }

    @Test("--draft marks every page, embeds too, and keeps them out of search engines")
    func draftFlag() async throws {
        let handbook = try TestHandbook([
            "chapters/01-first.md": "---\ntitle: First\n---\n\n## FIRST-1 Do it\n\nSee [later](02-later.md).\n",
        ])
        var options = BuildOptions(content: handbook.content, templates: handbook.templates, output: handbook.output)
        options.draft = true
        let report = await HandbookBuilder.build(options)
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.severity) == [.warning])
        for page in ["index.html", "chapters/first.html", "rules/FIRST-1.html", "print.html", "search.html"] {
            let html = try handbook.read(page)
            #expect(html.contains(#"<p class="draft-banner">Draft: not yet approved for use."#), "\(page)")
            #expect(html.contains(#"<meta name="robots" content="noindex">"#), "\(page)")
        }
        #expect(try handbook.read("embed/chapters/first.html").contains(#"<p class="draft-banner">"#))

        let final = try TestHandbook()
        #expect(await final.build().succeeded)
        #expect(try !final.read("index.html").contains("draft-banner"))
        #expect(try !final.read("index.html").contains("noindex"))
    }

    @Test("Cited by leaves out a parent's list of its sub-rules and the chapter's overview; handbook.json keeps them")
    func citations() async throws {
        let handbook = try TestHandbook(fixture: "draft-procedures")
        #expect(await handbook.build().succeeded)
        let index = try handbook.index()
        func kinds(_ id: String) -> [String] {
            (index.rules.first { $0.id == id }?.citedBy ?? []).map { "\($0.kind) \($0.id)" }
        }
        #expect(kinds("HR-1") == ["overview leave", "rule HR-3"])
        #expect(kinds("HR-1.1") == ["parent HR-1"])
        #expect(kinds("HR-1.2") == ["parent HR-1", "rule HR-1.1"])
        #expect(kinds("HR-2") == ["overview leave"])

        let subrule = try handbook.read("rules/HR-1.2.html")
        #expect(subrule.contains("HR-1.1"))
        #expect(!subrule.contains(#"<span class="citation-kind">chapter</span>"#))
        let citedBy = try #require(subrule.range(of: "Cited by"))
        #expect(!subrule[citedBy.lowerBound...].contains(#"href="../chapters/leave.html#HR-1""#))
        #expect(try handbook.read("rules/HR-2.html").contains("<p>No other part of the handbook cites this rule.</p>"))
        // HR-1 lists its sub-rules as sub-rules, not among the rules it cites.
        let parent = try handbook.read("rules/HR-1.html")
        #expect(!parent.contains("This rule refers to"))
        #expect(parent.contains(#"<a href="../rules/HR-1.1.html"><span class="rule-id">HR-1.1</span>"#))
    }

    @Test("extra fields reach a custom template, escaped like any other value")
    func extraFields() async throws {
        var handbook = try TestHandbook(fixture: "draft-procedures")
        let templates = handbook.folder + "/Templates"
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: templates)
        let chapter = templates + "/chapter.mustache"
        let original = try String(contentsOfFile: chapter, encoding: .utf8)
        try original.replacingOccurrences(
            of: "{{$main}}",
            with: "{{$main}}<p class=\"owner\">Owner: {{chapter.extra.owner}}; review by {{chapter.extra.review_date}}; consulted: {{#chapter.extra.consulted}}[{{.}}]{{/chapter.extra.consulted}}</p>"
        ).write(toFile: chapter, atomically: true, encoding: .utf8)
        handbook.templates = templates
        try handbook.write(
            try String(contentsOfFile: handbook.content + "/chapters/02-appeals.md", encoding: .utf8)
                .replacingOccurrences(of: "title: Appeals\n", with: "title: Appeals\nextra:\n  owner: <b>Panel & secretary</b>\n"),
            to: "chapters/02-appeals.md")
        #expect(await handbook.build().succeeded)
        #expect(try handbook.read("chapters/leave.html").contains(
            #"<p class="owner">Owner: People Services policy team; review by 2027-04-01; consulted: [Staff forum][Trade union liaison group]</p>"#))
        #expect(try handbook.read("chapters/appeals.html").contains(
            #"<p class="owner">Owner: &lt;b&gt;Panel &amp; secretary&lt;/b&gt;; review by ; consulted: </p>"#))
    }
}
