import Foundation
import Testing
@testable import HandbookKit

@Suite("Preview server")
struct ServeTests {
    /// A built site with a file outside it and a symlink pointing there.
    static func site() async throws -> (TestHandbook, SiteFiles) {
        let handbook = try TestHandbook()
        #expect(await handbook.build().succeeded)
        try "secret".write(toFile: handbook.folder + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: handbook.output + "/link.txt", withDestinationPath: handbook.folder + "/secret.txt")
        return (handbook, SiteFiles(root: handbook.output))
    }

    @Test("never serves a file outside the output folder", arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/chapters/../../secret.txt",
        "/chapters/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/link.txt", "/%00index.html",
    ])
    func traversal(_ path: String) async throws {
        let (_, files) = try await Self.site()
        let response = files.response(for: path)
        #expect(response.status == 403 || response.status == 404, "\(path) answered \(response.status)")
        #expect(!String(decoding: response.body, as: UTF8.self).contains("secret"))
    }

    @Test("serves files with their content types, folders as index.html, and 404 for missing files")
    func files() async throws {
        let (_, files) = try await Self.site()
        #expect(files.response(for: "/").contentType == "text/html; charset=utf-8")
        #expect(files.response(for: "/chapters/first.html?hl=x#FIRST-1").status == 200)
        #expect(files.response(for: "/assets/handbook.css").contentType == "text/css; charset=utf-8")
        #expect(files.response(for: "/assets/search.js").contentType == "text/javascript; charset=utf-8")
        #expect(files.response(for: "/handbook.json").contentType == "application/json")
        #expect(files.response(for: "/handbook.epub").contentType == "application/epub+zip")
        #expect(files.response(for: "/manifest.webmanifest").contentType == "application/manifest+json")
        #expect(files.response(for: "/rules/FIRST-1.html").status == 200)
        #expect(files.response(for: "/rules/NOPE-1.html").status == 404)
        #expect(files.response(for: "/chapters").status == 404)
    }

    @Test("HTML gets the live-reload script when served, and is never written with it")
    func injection() async throws {
        let (handbook, files) = try await Self.site()
        let served = String(decoding: PreviewServer.served("/index.html", from: files).body, as: UTF8.self)
        #expect(served.contains(LiveReload.scriptTag + "</body>"))
        #expect(!(try handbook.read("index.html")).contains("__handbook"))
        let css = PreviewServer.served("/assets/handbook.css", from: files).body
        #expect(!String(decoding: css, as: UTF8.self).contains("__handbook"))
    }

    @Test("serve builds, serves over HTTP, and serves the new page after a chapter is edited")
    func endToEnd() async throws {
        let handbook = try TestHandbook()
        let port = UInt16.random(in: 20_000...40_000)
        let server = try PreviewServer(.init(
            build: BuildOptions(content: handbook.content, templates: Repository.templates, output: handbook.output),
            port: port)) { _ in }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let base = try await server.waitUntilListening()
        let first = try await Self.get(base + "chapters/first.html")
        #expect(first.contains("Because."))
        #expect(first.contains(LiveReload.scriptTag))

        try handbook.write("---\ntitle: First\n---\n\nIntro.\n\n## FIRST-1 Do the first thing\n\nBecause it is edited.\n", to: "chapters/01-first.md")
        var updated = ""
        for _ in 0..<50 {
            updated = try await Self.get(base + "chapters/first.html")
            if updated.contains("Because it is edited.") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(updated.contains("Because it is edited."))
        // The indexes were left for later (the page is written before the rebuild ends), and
        // are brought up to date when asked for.
        var outOfDate = false
        for _ in 0..<50 where !outOfDate {
            outOfDate = await server.editionsOutOfDate
            if !outOfDate { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(outOfDate)
        #expect(try await Self.get(base + "handbook.json").contains("Because it is edited."))
        #expect(try await Self.get(base + "search-index.json").contains("edited"))
        #expect(await server.editionsOutOfDate)
        // The offline copy holds every other edition: asking for it brings them all up to date.
        _ = try await Self.get(base + "handbook-offline.zip")
        #expect(!(await server.editionsOutOfDate))
        #expect(try await Self.get(base + "print.html").contains("Because it is edited."))
        #expect(try await Self.get(base + "nothing.html").contains("Not found"))
        await server.stop()
    }

    /// GET with curl: FoundationNetworking's URLSession is not needed for this.
    static func get(_ url: String) async throws -> String {
        // Not a blocking wait: the server answering runs on the same few threads as this test.
        await (try ChildProcess("/usr/bin/env", ["curl", "-s", "--max-time", "60", url])).finished().stdout
    }
}
