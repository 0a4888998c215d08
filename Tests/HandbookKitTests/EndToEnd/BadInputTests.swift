import Foundation
import Testing
@testable import HandbookKit

/// Broken and hostile input, built with the `handbook` executable over a good earlier build:
/// each error names its file and line, the exit status is 1, and the earlier site is unchanged
/// byte for byte. Very large or deep input builds without a crash.
@Suite("Bad input")
struct BadInputTests {
    /// A fault to make in a handbook that built well, and the diagnostic it must give.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The diagnostic's place: a path ending and a line, as printed (`chapters/02-x.md:3:`).
        var place: String
        /// The diagnostic's code, also given by `handbook check` (nil for a failure to write).
        var code: String?
        /// Run the build as the unprivileged user `nobody`, so that file permissions apply.
        var unprivileged = false
        /// Build with --strict, for a warning.
        var strict = false
        var make: @Sendable (TestHandbook) throws -> Void

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "invalid YAML in handbook.yml", place: "handbook.yml:2:", code: "yaml.invalid") { handbook in
            try handbook.write("title: T\nsubtitle: [unclosed\n", to: "handbook.yml")
        },
        Case(name: "invalid YAML in front matter", place: "chapters/02-bad.md:3:", code: "yaml.invalid") { handbook in
            try handbook.write("---\ntitle: Bad\nsummary: {unclosed\n---\n\nText.\n", to: "chapters/02-bad.md")
        },
        Case(name: "invalid UTF-8", place: "chapters/02-bad.md:5:", code: "file.encoding") { handbook in
            try handbook.write(Data("---\ntitle: Bad\n---\n\nText \u{00e9}".utf8) + Data([0xC3, 0x28, 0x0A]), to: "chapters/02-bad.md")
        },
        Case(name: "unterminated front matter", place: "chapters/02-bad.md:1:", code: "frontMatter.unterminated") { handbook in
            try handbook.write("---\ntitle: Bad\n\nText with no end to the front matter.\n", to: "chapters/02-bad.md")
        },
        Case(name: "an unknown rule", place: "chapters/02-bad.md:5:", code: "rule.unknown") { handbook in
            try handbook.write("---\ntitle: Bad\n---\n\nSee [this](rule:NOPE-1).\n", to: "chapters/02-bad.md")
        },
        Case(name: "a chapter linked from outside the content folder", place: "chapters/02-outside.md:1:", code: "content.outside") { handbook in
            try "---\ntitle: Secret\n---\n\nNot for publishing.\n".write(toFile: handbook.folder + "/secret.md", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: handbook.content + "/chapters/02-outside.md", withDestinationPath: handbook.folder + "/secret.md")
        },
        Case(name: "a media file linked from outside the content folder", place: "media/passwd.txt:1:", code: "media.outside") { handbook in
            try FileManager.default.createDirectory(atPath: handbook.content + "/media", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: handbook.content + "/media/passwd.txt", withDestinationPath: "/etc/passwd")
        },
        Case(name: "a loop of symbolic links", place: "chapters/02-a.md:1:", code: "file.unreadable") { handbook in
            try FileManager.default.createSymbolicLink(atPath: handbook.content + "/chapters/02-a.md", withDestinationPath: "03-b.md")
            try FileManager.default.createSymbolicLink(atPath: handbook.content + "/chapters/03-b.md", withDestinationPath: "02-a.md")
        },
        Case(name: "a media folder that links to itself", place: "media/loop:1:", code: "media.outside") { handbook in
            try FileManager.default.createDirectory(atPath: handbook.content + "/media", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: handbook.content + "/media/loop", withDestinationPath: "..")
        },
        Case(name: "a media file that is a pipe", place: "media/pipe.png:1:", code: "media.unreadable") { handbook in
            try FileManager.default.createDirectory(atPath: handbook.content + "/media", withIntermediateDirectories: true)
            #expect(mkfifo(handbook.content + "/media/pipe.png", 0o644) == 0)
        },
        Case(name: "a media file that may not be read", place: "media/private.png:1:", code: "media.unreadable", unprivileged: true) { handbook in
            try handbook.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "media/private.png")
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: handbook.content + "/media/private.png")
        },
        Case(name: "a read-only output folder", place: "Site:1:", code: nil, unprivileged: true) { handbook in
            try handbook.write("---\ntitle: First\n---\n\nChanged.\n", to: "chapters/01-first.md")
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: handbook.folder)
        },
        Case(name: "two chapters with one slug", place: "chapters/03-first.md:1:", code: "chapter.duplicate") { handbook in
            try handbook.write("---\ntitle: Again\n---\n\nText.\n", to: "chapters/03-first.md")
        },
        Case(name: "a chapter file name without a number", place: "chapters/Second Chapter.md:1:", code: "chapter.name") { handbook in
            try handbook.write("---\ntitle: Second\n---\n\nText.\n", to: "chapters/Second Chapter.md")
        },
        Case(name: "two chapters with one number", place: "chapters/01-second.md:1:", code: "chapter.order") { handbook in
            try handbook.write("---\ntitle: Second\n---\n\nText.\n", to: "chapters/01-second.md")
        },
        Case(name: "no handbook.yml", place: "handbook.yml:1:", code: "config.missing") { handbook in
            try FileManager.default.removeItem(atPath: handbook.content + "/handbook.yml")
        },
        Case(name: "handbook.yml that is a list", place: "handbook.yml:1:", code: "yaml.notMapping") { handbook in
            try handbook.write("- title\n- edition\n", to: "handbook.yml")
        },
        Case(name: "a stray file among the chapters, with --strict", place: "chapters/notes.txt:1:", code: "content.ignored", strict: true) { handbook in
            try handbook.write("notes", to: "chapters/notes.txt")
        },
        Case(name: "no content folder", place: "Content:1:", code: "content.missing") { handbook in
            try FileManager.default.removeItem(atPath: handbook.content)
        },
        Case(name: "a rule with no title", place: "chapters/02-bad.md:5:", code: "rule.untitled") { handbook in
            try handbook.write("---\ntitle: Bad\n---\n\n## BAD-1\n\nText.\n", to: "chapters/02-bad.md")
        },
        Case(name: "a rule defined in a tip list", place: "tips/quick.md:5:", code: "rule.inTipList") { handbook in
            try handbook.write("---\ntitle: Quick\n---\n\n## QUICK-1 Not here\n\n- A tip.\n", to: "tips/quick.md")
        },
        Case(name: "no templates folder", place: "Templates:1:", code: "template.folderMissing") { handbook in
            try FileManager.default.removeItem(atPath: handbook.folder + "/Templates")
        },
        Case(name: "a required template missing", place: "Templates/rule.mustache:1:", code: "template.missing") { handbook in
            try FileManager.default.removeItem(atPath: handbook.folder + "/Templates/rule.mustache")
        },
        Case(name: "a template with an error", place: "Templates/chapter.mustache:2:", code: "template.syntax") { handbook in
            try "<p>\n{{#unclosed}}".write(toFile: handbook.folder + "/Templates/chapter.mustache", atomically: true, encoding: .utf8)
        },
        // The second security pass (issue 16): each of these built, or crashed, before.
        Case(name: "a previous edition's record whose rule identifier climbs out of the output", place: "editions/1.json:1:", code: "edition.previousInvalid") { handbook in
            try HostileRecord.write(into: handbook, withdrawnID: "../../../pwned")
        },
        Case(name: "a title of 70,000 characters", place: "handbook.yml:1:", code: "text.titleLength") { handbook in
            try handbook.write("title: " + String(repeating: "Long title ", count: 7_000) + "\nedition: \"1\"\n", to: "handbook.yml")
        },
        Case(name: "a rule identifier too long to name a file", place: "chapters/02-bad.md:5:", code: "rule.identifierLength") { handbook in
            try handbook.write("---\ntitle: Bad\n---\n\n## LONG-1" + String(repeating: ".1", count: 200) + " Title\n\nText.\n", to: "chapters/02-bad.md")
        },
        Case(name: "an HTML page in media/", place: "media/page.html:1:", code: "media.active") { handbook in
            try handbook.write("<script>alert(1)</script>", to: "media/page.html")
        },
        Case(name: "an SVG image in media/", place: "media/logo.svg:1:", code: "media.active") { handbook in
            try handbook.write("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", to: "media/logo.svg")
        },
        Case(name: "a form feed pasted into a chapter", place: "chapters/02-bad.md:5:", code: "text.controlCharacter") { handbook in
            try handbook.write("---\ntitle: Bad\n---\n\nEnd of page one.\u{0C}Page two.\n", to: "chapters/02-bad.md")
        },
        Case(name: "a NUL in a chapter", place: "chapters/02-bad.md:6:", code: "text.controlCharacter") { handbook in
            try handbook.write("---\ntitle: Bad\n---\n\nFine.\nNot \u{0} fine.\n", to: "chapters/02-bad.md")
        },
        Case(name: "handbook.yml that is a link to a file outside the content folder", place: "handbook.yml:1:", code: "content.outside") { handbook in
            try "title: Elsewhere\n".write(toFile: handbook.folder + "/elsewhere.yml", atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(atPath: handbook.content + "/handbook.yml")
            try FileManager.default.createSymbolicLink(atPath: handbook.content + "/handbook.yml", withDestinationPath: handbook.folder + "/elsewhere.yml")
        },
        Case(name: "previous_edition outside the content folder", place: "handbook.yml:3:", code: "content.outside") { handbook in
            try FileManager.default.copyItem(atPath: handbook.output + "/handbook.json", toPath: handbook.folder + "/1.json")
            try handbook.write("title: Test handbook\nedition: \"2\"\nprevious_edition: ../1.json\n", to: "handbook.yml")
        },
        Case(name: "a YAML key that is an alias of an alias, seven levels deep", place: "handbook.yml:3:", code: "config.keyType") { handbook in
            var lines = ["title: T", "l0: &l0 {a: b}"]
            for level in 1...7 {
                lines.append("l\(level): &l\(level) {" + (0..<10).map { "? [*l\(level - 1), \($0)] : \($0)" }.joined(separator: ", ") + "}")
            }
            try handbook.write((lines + ["? *l7", ": x"]).joined(separator: "\n") + "\n", to: "handbook.yml")
        },
        Case(name: "a key repeated in front matter", place: "chapters/02-bad.md:4:", code: "yaml.invalid") { handbook in
            try handbook.write("---\ntitle: Bad\nsummary: One.\nsummary: Two.\n---\n\nText.\n", to: "chapters/02-bad.md")
        },
        Case(name: "a link to a media file whose name is in another Unicode form", place: "chapters/02-bad.md:5:", code: "link.unicodeForm") { handbook in
            try handbook.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "media/cafe\u{301}.png")
            try handbook.write("---\ntitle: Bad\n---\n\n![A café](../media/caf\u{E9}.png)\n", to: "chapters/02-bad.md")
        },
        Case(name: "two media files whose names differ only in their Unicode form", place: "media/", code: "media.nameClash") { handbook in
            try handbook.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "media/caf\u{E9}.png")
            try handbook.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0A]), to: "media/cafe\u{301}.png")
        },
    ]

    @Test("each fault: its file and line, exit status 1, the earlier site unchanged", arguments: cases)
    func fault(_ fault: Case) async throws {
        var handbook = try TestHandbook()
        handbook.templates = handbook.folder + "/Templates"
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: handbook.templates)
        if fault.unprivileged && geteuid() == 0 {
            try giveToNobody(handbook.folder)
        }
        let first = try await run(handbook, unprivileged: fault.unprivileged, strict: fault.strict)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try folderContents(handbook.output)
        #expect(!before.isEmpty)

        try fault.make(handbook)
        let result = try await run(handbook, unprivileged: fault.unprivileged, strict: fault.strict)
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: handbook.folder)
        #expect(result.status == 1, "\(result.stderr)")
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.contains { $0.contains(fault.place) }, "no error at \(fault.place) in:\n\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
        #expect(try folderContents(handbook.output) == before)
        if fault.code == nil { #expect(result.stderr.contains("could not write the site")) }
        if let code = fault.code {
            let json = try await run(handbook, unprivileged: fault.unprivileged, strict: fault.strict, format: "json")
            #expect(json.status == 1)
            #expect(json.stdout.contains("\"code\" : \"\(code)\""), "no code \(code) in:\n\(json.stdout)\(json.stderr)")
        }
    }

    @Test("a 20 MB chapter, 10,000 rules, and quotes and lists nested 32 deep build without a crash")
    func largeAndDeep() async throws {
        var huge = "---\ntitle: Huge\n---\n\n"
        let paragraph = String(repeating: "A long paragraph of guidance that goes on and on, citing FIRST-1. ", count: 30) + "\n\n"
        while huge.utf8.count < 20_000_000 { huge += paragraph }
        var rules = "---\ntitle: Rules\n---\n\n"
        for number in 1...10_000 { rules += "## MANY-\(number) Rule \(number)\n\nSee MANY-\(number % 10_000 + 1).\n\n" }
        let handbook = try TestHandbook([
            "chapters/02-huge.md": huge,
            "chapters/03-rules.md": rules,
            "chapters/04-quotes.md": "---\ntitle: Quotes\n---\n\n" + String(repeating: "> ", count: MarkdownCost.nestingDepth) + "deep\n",
            "chapters/05-lists.md": "---\ntitle: Lists\n---\n\n" + String(repeating: "- ", count: MarkdownCost.nestingDepth) + "deep\n",
        ])
        let result = try await run(handbook, unprivileged: false, strict: false, timeout: 1800)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(handbook.exists("rules/MANY-10000.html"))
        #expect(try handbook.read("chapters/quotes.html").contains("deep"))
        #expect(try handbook.read("chapters/lists.html").contains("deep"))
        #expect(try handbook.read("chapters/huge.html").utf8.count > 20_000_000)
    }

    @Test("100,000 nested quotes or list items, and the paragraphs cmark takes the square of their size to parse, are errors at their lines, in seconds")
    func pathologicalMarkdown() async throws {
        let handbook = try TestHandbook([
            "chapters/02-quotes.md": "---\ntitle: Quotes\n---\n\n" + String(repeating: "> ", count: 100_000) + "deep\n",
            "chapters/03-lists.md": "---\ntitle: Lists\n---\n\nFine.\n\n" + String(repeating: "- ", count: 100_000) + "deep\n",
            // 0.6 s in cmark 0.30.2 at this size, 59 s at 1 MB: a quarter of the time per halving.
            "chapters/04-brackets.md": "---\ntitle: Brackets\n---\n\n## BR-1 A rule before the paragraph\n\nText.\n\n"
                + String(repeating: "![[]()", count: 30_000) + "\n",
            "chapters/05-cites.md": "---\ntitle: Cites\n---\n\nSee BR-1.\n",
        ])
        let result = try await run(handbook, unprivileged: false, timeout: 600)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.contains { $0.contains("chapters/02-quotes.md:5:") && $0.contains("levels of quotes and lists") })
        #expect(errors.contains { $0.contains("chapters/03-lists.md:7:") })
        #expect(errors.contains { $0.contains("chapters/04-brackets.md:9:") && $0.contains("image openers") })
        #expect(errors.count == 3, "the rule before the paragraph is still defined: \(errors)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    private func run(
        _ handbook: TestHandbook, unprivileged: Bool, strict: Bool = false, format: String? = nil, timeout: Double = 120
    ) async throws -> CommandLineTests.Run {
        var arguments = ["build", "--quiet", "--content", handbook.content, "--templates", handbook.templates, "--output", handbook.output]
        if let format { arguments = ["check", "--format", format, "--content", handbook.content, "--templates", handbook.templates] }
        if strict { arguments.append("--strict") }
        // A build that hangs (as an alias bomb once made it) is stopped, and fails the test.
        guard unprivileged && geteuid() == 0 else { return await (try ChildProcess(handbook: arguments)).finished(timeout: timeout) }
        // As root, permissions do not apply: run as nobody.
        return await (try ChildProcess(
            "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineTests.executable] + arguments))
            .finished(timeout: timeout)
    }

    private func giveToNobody(_ folder: String) throws {
        for path in [folder] + (try FileManager.default.subpathsOfDirectory(atPath: folder)).map({ folder + "/" + $0 }) {
            #expect(lchown(path, 65534, 65534) == 0)
        }
    }
}
