import Foundation
import Testing
@testable import HandbookKit

@Suite("Resolve: explicit anchors, old anchors kept as aliases, and unused media")
struct AnchorResolutionTests {
    /// `MemoryHandbook.page` puts five lines before the body.
    private static func line(_ bodyLine: Int) -> Int { bodyLine + 5 }

    private static func page(_ title: String, anchors: String, _ body: String) -> String {
        "---\ntitle: \(title)\nanchors:\n\(anchors)---\n\n\(body)"
    }

    @Test("an explicit anchor is the heading's id; on a rule heading it is an alias of the identifier")
    func explicitAnchors() throws {
        let resolved = try MemoryHandbook(chapters: [
            ("01-first.md", MemoryHandbook.page("First", """
                ## Introduction {#intro}

                ## A-1 Do this {#do-this}

                ### Details {#details}

                ## Introduction

                Links: [one](#intro), [two](#do-this), [three](02-second.md#Sec.2).
                """)),
            ("02-second.md", MemoryHandbook.page("Second", "## Second part {#Sec.2}\n\nText.\n")),
        ]).resolved()
        let first = resolved.chapters[0]
        #expect(first.anchors.headings == ["intro", "A-1", "details", "introduction"])
        #expect(first.anchors.aliases == [AnchorAlias(name: "do-this", target: "A-1")])
        let html = MemoryHandbook.html(of: first)
        #expect(html.contains(#"<h2 id="intro">Introduction</h2>"#))
        #expect(html.contains(#"<span class="anchor-alias" id="do-this"></span><h2 id="A-1" class="rule-heading">"#))
        #expect(html.contains(#"<h3 id="details">Details</h3>"#))
        #expect(html.contains(#"<a href="../chapters/first.html#intro">one</a>"#))
        #expect(html.contains(#"<a href="../chapters/first.html#A-1">two</a>"#), "a link to an alias goes to its target")
        #expect(html.contains(#"<a href="../chapters/second.html#Sec.2">three</a>"#))
        #expect(!html.contains("{#"))
        #expect(resolved.rule("A-1")?.title == "Do this")
    }

    @Test("invalid and repeated explicit anchors are errors at their line and column")
    func badExplicitAnchors() throws {
        let (_, diagnostics) = try MemoryHandbook(chapters: [
            ("01-first.md", MemoryHandbook.page("First", """
                ## One {#9lives}

                ## Two {#same}

                ## Three {#same}

                ## A-1 Rule

                ## Four {#A-1}
                """)),
        ]).resolve()
        #expect(diagnostics.map(\.code) == [.anchorInvalid, .anchorDuplicate, .anchorDuplicate])
        #expect(diagnostics[0].location == SourceLocation(file: "chapters/01-first.md", line: Self.line(1), column: 8))
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[1].location.line == Self.line(5))
        #expect(diagnostics[1].message.contains("chapters/01-first.md:\(Self.line(3)):8"))
        #expect(diagnostics[2].location.line == Self.line(9))
    }

    @Test("old anchors under `anchors:` land on their heading or rule, from this page and others, with a span for outside links")
    func aliases() throws {
        let resolved = try MemoryHandbook(chapters: [
            ("01-first.md", Self.page("First", anchors: "  rf-out-multi: A-2\n  old-intro: introduction\n", """
                ## Introduction

                ## A-2 Return one value

                See [old](#rf-out-multi).
                """)),
            ("02-second.md", MemoryHandbook.page("Second", "See [it](01-first.md#rf-out-multi) and [intro](01-first.md#old-intro).\n")),
        ]).resolved()
        let first = MemoryHandbook.html(of: resolved.chapters[0])
        #expect(first.contains(#"<span class="anchor-alias" id="old-intro"></span><h2 id="introduction">Introduction</h2>"#))
        #expect(first.contains(#"<span class="anchor-alias" id="rf-out-multi"></span><h2 id="A-2" class="rule-heading">"#))
        #expect(first.contains(#"<a href="../chapters/first.html#A-2">old</a>"#))
        let second = MemoryHandbook.html(of: resolved.chapters[1])
        #expect(second.contains(#"<a href="../chapters/first.html#A-2">it</a>"#))
        #expect(second.contains(#"<a href="../chapters/first.html#introduction">intro</a>"#))
    }

    @Test("many old anchors of one heading each keep a span before it, the last written first")
    func manyAliasesOfOneHeading() throws {
        let names = (1...200).map { "old-\($0)" }
        let resolved = try MemoryHandbook(chapters: [
            ("01-first.md", Self.page("First", anchors: names.map { "  \($0): introduction\n" }.joined() + "  old-rule: A-1\n", """
                ## Introduction

                ## A-1 Rule
                """)),
        ]).resolved()
        let html = MemoryHandbook.html(of: resolved.chapters[0])
        let spans = names.reversed().map { #"<span class="anchor-alias" id="\#($0)"></span>"# }.joined()
        #expect(html.contains(spans + #"<h2 id="introduction">Introduction</h2>"#))
        #expect(html.contains(#"<span class="anchor-alias" id="old-rule"></span><h2 id="A-1" class="rule-heading">"#))
    }

    @Test("an alias to nothing, one that is already an anchor, and one that is no safe id are errors; did-you-mean knows aliases")
    func badAliases() throws {
        let (_, diagnostics) = try MemoryHandbook(chapters: [
            ("01-first.md", Self.page("First", anchors: "  old-a: introductoin\n  introduction: A-1\n  \"bad id\": A-1\n  legacy-rule: A-1\n", """
                ## Introduction

                ## A-1 Rule
                """)),
            ("02-second.md", MemoryHandbook.page("Second", "See [it](01-first.md#legacy-rul).\n")),
        ]).resolve()
        #expect(diagnostics.map(\.code) == [.anchorAliasTarget, .anchorAliasClash, .anchorInvalid, .linkAnchor])
        #expect(diagnostics[0].suggestion == "did you mean 'introduction'?")
        #expect(diagnostics[0].location == SourceLocation(file: "chapters/01-first.md", line: 4, column: 3))
        #expect(diagnostics[1].location.line == 5)
        #expect(diagnostics[3].suggestion == "did you mean '#legacy-rule'?")
    }

    @Test("a media file no page links to or shows is a warning, unless raw HTML is allowed")
    func unusedMedia() throws {
        var handbook = MemoryHandbook(
            chapters: [("01-first.md", MemoryHandbook.page("First", "![A chart](../media/chart.png)\n"))],
            media: ["chart.png", "old/photo.jpg"])
        let (_, diagnostics) = try handbook.resolve()
        #expect(diagnostics.map(\.code) == [.mediaUnused])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.location.file == "media/old/photo.jpg")
        #expect(diagnostics.first?.message.contains("'media/old/photo.jpg'") == true)
        handbook.config += "allow_raw_html: true\n"
        #expect(try handbook.resolve().1.isEmpty)
    }
}
