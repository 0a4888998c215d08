import Foundation
import Testing
@testable import HandbookKit

/// What the second security pass (issue 16) found, built end to end: each test failed before
/// the fix. The findings that a table of bad inputs covers are in `BadInputTests`.
@Suite("Hostile input, second pass")
struct HostileInputTests {
    /// Every file below `folder`, as relative paths.
    private func files(below folder: String) -> Set<String> {
        Set(FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
    }

    @Test("1. a record's rule identifier never leads a write outside the output, nor over one of its pages", arguments: [
        "../../../pwned", "../index", "../../pwned", "X-1/../../../pwned",
    ])
    func recordIdentifiers(_ identifier: String) async throws {
        let handbook = try TestHandbook()
        defer { handbook.remove() }
        // Where "../../../pwned" leads from the staging folder's rules/ (a run of the unfixed
        // tool left it there).
        let escaped = (handbook.folder as NSString).deletingLastPathComponent + "/pwned.html"
        try? FileManager.default.removeItem(atPath: escaped)
        #expect(await handbook.build().succeeded)
        let before = try folderContents(handbook.output)
        let outside = files(below: handbook.folder).subtracting(files(below: handbook.output).map { "Site/" + $0 })
        try HostileRecord.write(into: handbook, withdrawnID: identifier)
        let report = await handbook.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics(.editionPreviousInvalid).count == 1, "\(report.diagnostics)")
        #expect(try folderContents(handbook.output) == before)
        let now = files(below: handbook.folder).subtracting(files(below: handbook.output).map { "Site/" + $0 })
        #expect(now.subtracting(outside).filter { !$0.hasPrefix("Content/") }.isEmpty, "files appeared outside the output")
        #expect(!FileManager.default.fileExists(atPath: escaped))
    }

    @Test("2. no text of the handbook reaches the service worker; its file list is a safe script literal")
    func serviceWorker() async throws {
        let payload = "*/ self.__handbookXSS = 1; /* </script>"
        let handbook = try TestHandbook([
            "handbook.yml": "title: '\(payload)'\nsubtitle: '\(payload)'\norganisation: '\(payload)'\n",
            "media/a*/b$`'.png": "\u{89}PNG",
        ])
        defer { handbook.remove() }
        let report = await handbook.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let worker = try handbook.read("sw.js")
        #expect(!worker.contains("__handbookXSS"))
        #expect(!worker.contains("*/ self"))
        let files = try #require(worker.split(separator: "\n").first { $0.hasPrefix("var FILES = ") })
        #expect(!files.contains("*/") && !files.contains("`") && !files.contains("'"))
        #expect(files.contains("media/a"), "the media file is listed")
    }

    @Test("4. base_url is written in its parsed, percent-encoded form: a quote in it cannot leave an attribute")
    func baseURL() async throws {
        let handbook = try TestHandbook([
            "handbook.yml": "title: T\nbase_url: 'https://example.org/h\"><img/src=x/onerror=alert(1)>/'\n",
            "chapters/02-second.md": "---\ntitle: Second\n---\n\n## SEC-1 Cite\n\nSee [the first chapter](01-first.md) and FIRST-1.\n",
        ])
        defer { handbook.remove() }
        let report = await handbook.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let index = try handbook.index()
        let html = try #require(index.rules.first { $0.id == "SEC-1" }?.html)
        #expect(html.contains("href=\"https://example.org/h%22%3E%3Cimg/src=x/onerror=alert(1)%3E/chapters/first.html\""), "\(html)")
        #expect(!html.contains("\"><img"))
        let guide = try handbook.read("embed/index.html")
        #expect(!guide.contains("&quot;&gt;&lt;img"), "the snippet shown to editors holds no quote that ends its src")
        #expect(guide.contains("https://example.org/h%22%3E%3Cimg"))
        for path in ["sitemap.xml", "oembed/rules/FIRST-1.json", "index.html"] {
            #expect(!(try handbook.read(path)).contains("h\"><img"), "\(path)")
        }
    }

    @Test("5. media browsers would run are published only when handbook.yml trusts them")
    func activeMedia() async throws {
        let handbook = try TestHandbook([
            "media/page.html": "<script>window.__handbookXSS = 1</script>",
            "media/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>window.__handbookXSS = 1</script></svg>",
            "media/tool.js": "window.__handbookXSS = 1",
            "media/feed.xml": "<?xml version=\"1.0\"?><x/>",
            "media/README": "no extension",
            "media/photo.PNG": "\u{89}PNG", "media/guide.pdf": "%PDF-1.4",
        ])
        defer { handbook.remove() }
        let refused = await handbook.build()
        #expect(!refused.succeeded)
        #expect(Set(refused.diagnostics(.mediaActive).map { ($0.location.file as NSString).lastPathComponent })
            == ["page.html", "logo.svg", "tool.js", "feed.xml", "README"])
        #expect(!handbook.exists("media/page.html"))
        try handbook.write("title: Test handbook\nallow_active_media: true\n", to: "handbook.yml")
        let trusted = await handbook.build()
        #expect(trusted.succeeded, "\(trusted.diagnostics)")
        #expect(handbook.exists("media/logo.svg") && handbook.exists("media/photo.PNG"))
    }

    @Test("6. the output and the folders a build reads never nest")
    func nesting() async throws {
        let handbook = try TestHandbook()
        defer { handbook.remove() }
        // Content inside the output, which the build would replace (and so delete).
        #expect(await handbook.build().succeeded)
        let inside = handbook.output + "/Content"
        try FileManager.default.copyItem(atPath: handbook.content, toPath: inside)
        var report = await HandbookBuilder.build(BuildOptions(content: inside, templates: Repository.templates, output: handbook.output))
        #expect(report.diagnostics(.outputOverlap).count == 1)
        #expect(FileManager.default.fileExists(atPath: inside + "/handbook.yml"), "the content is still there")
        // Output inside the content, which would be published into itself build after build.
        let nested = handbook.content + "/media/site"
        report = await HandbookBuilder.build(BuildOptions(content: handbook.content, templates: Repository.templates, output: nested))
        #expect(report.diagnostics(.outputOverlap).count == 1)
        #expect(!FileManager.default.fileExists(atPath: nested))
        // The templates, and the output itself as the content.
        report = await HandbookBuilder.build(BuildOptions(content: handbook.content, templates: Repository.templates, output: Repository.templates + "/out"))
        #expect(report.diagnostics(.outputOverlap).count == 1)
        report = await HandbookBuilder.build(BuildOptions(content: handbook.content, templates: Repository.templates, output: handbook.content))
        #expect(report.diagnostics(.outputOverlap).count == 1)
        // A record inside the output, which this build replaces.
        report = await HandbookBuilder.build(BuildOptions(
            content: handbook.content, templates: Repository.templates, output: handbook.output, previousEdition: handbook.output + "/handbook.json"))
        #expect(report.diagnostics(.outputOverlap).count == 1)
    }

    @Test("11. the EPUB stays well-formed XML: a form feed in any text is an error, and never reaches the book")
    func epubCharacters() async throws {
        let handbook = try TestHandbook(["chapters/02-pasted.md": "---\ntitle: Pasted\n---\n\nPage one.\u{0C}Page two.\n"])
        defer { handbook.remove() }
        let report = await handbook.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics(.textControlCharacter).map(\.location.line) == [5])
    }

    @Test("12. links and media files are matched byte for byte after NFC, so a link that passes works on the site")
    func unicodeForms() async throws {
        let handbook = try TestHandbook([
            "chapters/02-photos.md": "---\ntitle: Photos\n---\n\n## Caf\u{E9} rules\n\n![Decomposed link](../media/cafe\u{301}.png)\n\n[Back](#cafe\u{301}-rules)\n",
        ])
        defer { handbook.remove() }
        try handbook.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "media/caf\u{E9}.png")
        let report = await handbook.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try handbook.read("chapters/photos.html")
        #expect(page.contains("src=\"../media/caf%C3%A9.png\""), "the link is written in the file's own form")
        #expect(FileManager.default.fileExists(atPath: handbook.output + "/media/caf\u{E9}.png"))
        #expect(page.contains("id=\"caf\u{E9}-rules\"") && page.contains("href=\"../chapters/photos.html#caf%C3%A9-rules\""))
    }

    @Test("14. author text in diagnostics cannot drive the terminal or forge a line")
    func diagnosticText() async throws {
        let handbook = try TestHandbook([
            "chapters/02-bad.md": "---\ntitle: Bad\n---\n\nSee [x](#%1B%5D0;pwned%07%1B%5B2J%0A::error::forged).\n",
        ])
        defer { handbook.remove() }
        let run = try await ChildProcess.run(handbook: ["check", "--content", handbook.content, "--templates", Repository.templates])
        #expect(run.status == 1)
        #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{7}"))
        #expect(!run.stderr.split(separator: "\n").contains { $0.hasPrefix("::error") })
        #expect(run.stderr.contains("chapters/02-bad.md:5:"))
    }

    @Test("16. a heading never takes an id the templates use")
    func templateIDs() async throws {
        let handbook = try TestHandbook(["chapters/02-ids.md": "---\ntitle: Ids\n---\n\n## hb main\n\nText.\n\n## Search status\n\n[Up](#hb-main-1)\n"])
        defer { handbook.remove() }
        let report = await handbook.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try handbook.read("chapters/ids.html")
        #expect(page.components(separatedBy: "id=\"hb-main\"").count == 2, "one element has the id hb-main")
        #expect(page.contains("<h2 id=\"hb-main-1\">"))
    }
}
