import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookServe

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
    func traversal(_ target: String) async throws {
        let (handbook, files) = try await Self.site()
        // As the server does: the target decoded once, then looked up.
        let response = files.response(for: try #require(RequestTarget.path(of: target)))
        #expect(response.status == 403 || response.status == 404, "\(target) answered \(response.status)")
        #expect(!String(decoding: response.body, as: UTF8.self).contains("secret"))
        // The secret and the site are there: the refusal is not for want of files.
        #expect(FileManager.default.fileExists(atPath: handbook.folder + "/secret.txt") && handbook.exists("index.html"))
    }

    @Test("never serves a file outside the output folder over HTTP either")
    func traversalOverHTTP() async throws {
        let served = try await ServedHandbook()
        try "secret".write(toFile: served.handbook.folder + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: served.handbook.output + "/link.txt", withDestinationPath: served.handbook.folder + "/secret.txt")
        for target in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/chapters/../../secret.txt",
            "/chapters/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/link.txt", "/%00index.html", "/%252e%252e/secret.txt",
        ] {
            let response = try #require(try await served.get(target), "\(target)")
            #expect(response.status == 403 || response.status == 404, "\(target) answered \(response.status)")
            #expect(!response.text.contains("secret"), "\(target)")
        }
        await served.stop()
    }

    @Test("a file whose name has a % is served at its name percent-encoded once")
    func percentInName() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        let served = try await ServedHandbook()
        try FileManager.default.createDirectory(atPath: served.handbook.output + "/media", withIntermediateDirectories: true)
        try png.write(to: URL(fileURLWithPath: served.handbook.output + "/media/100%.png"))
        let response = try #require(try await served.get("/media/100%25.png"))
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "image/png")
        #expect(response.body == png)
        // Decoded twice, it would be asked for as "100%.png", which is not an escape.
        #expect(try await served.get("/media/100%.png")?.status == 404)
        await served.stop()
    }

    @Test("serves files with their content types, folders as index.html, and 404 for missing files")
    func files() async throws {
        let (handbook, files) = try await Self.site()
        defer { withExtendedLifetime(handbook) {} }  // its folder holds the site
        #expect(files.response(for: "/").contentType == "text/html; charset=utf-8")
        #expect(files.response(for: try #require(RequestTarget.path(of: "/chapters/first.html?hl=x#FIRST-1"))).status == 200)
        #expect(files.response(for: "/assets/handbook.css").contentType == "text/css; charset=utf-8")
        #expect(files.response(for: "/assets/search.js").contentType == "text/javascript; charset=utf-8")
        #expect(files.response(for: "/handbook.json").contentType == "application/json")
        #expect(files.response(for: "/handbook.epub").contentType == "application/epub+zip")
        #expect(files.response(for: "/manifest.webmanifest").contentType == "application/manifest+json")
        #expect(files.response(for: "/rules/FIRST-1.html").status == 200)
        #expect(files.response(for: "/rules/NOPE-1.html").status == 404)
        #expect(files.response(for: "/chapters").status == 404)
        // As a static host does: the site's own page for a missing address, at any depth.
        let missing = files.response(for: "/chapters/deeper/nope.html")
        #expect(missing.status == 404)
        #expect(missing.contentType == "text/html; charset=utf-8")
        #expect(String(decoding: missing.body, as: UTF8.self).contains("<h1>Page not found</h1>"))
        try FileManager.default.removeItem(atPath: handbook.output + "/" + SiteLayout.notFound)
        #expect(files.response(for: "/nope.html") == SiteFiles.notFound)
    }

    @Test("the page for a missing address reloads when the site is rebuilt, like every other page")
    func missingPageReloads() async throws {
        let served = try await ServedHandbook()
        let response = try #require(try await served.get("/chapters/not-yet-written.html"))
        #expect(response.status == 404)
        #expect(response.text.contains("Page not found"))
        #expect(response.text.contains(LiveReload.scriptTag))
        await served.stop()
    }

    @Test("HEAD is answered like GET, without the body")
    func head() async throws {
        let served = try await ServedHandbook()
        for target in ["/chapters/first.html", "/nothing.html", LiveReload.scriptPath] {
            let get = try #require(try await served.get(target))
            let connection = try served.connect()
            await connection.send("HEAD \(target) HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let head = try #require(await connection.response(head: true))
            #expect(head.status == get.status, "\(target)")
            #expect(head.header("Content-Length") == String(get.body.count), "\(target)")
            #expect(head.header("Content-Type") == get.header("Content-Type"), "\(target)")
            // Nothing follows the head: the next response on the connection starts right after it.
            await connection.send("GET /assets/handbook.css HTTP/1.1\r\nHost: localhost\r\n\r\n")
            await connection.receive(within: 5) { String(decoding: $0, as: UTF8.self).components(separatedBy: "HTTP/1.1 ").count > 2 }
            let text = String(decoding: connection.received, as: UTF8.self)
            #expect(text.components(separatedBy: "\r\n\r\n")[1].hasPrefix("HTTP/1.1 200"), "\(target): \(text.prefix(400))")
        }
        await served.stop()
    }

    @Test("every response, refusals too, says nosniff and no-store")
    func safetyHeaders() async throws {
        let served = try await ServedHandbook()
        let host = "Host: 127.0.0.1:\(served.port)\r\n"
        for request in [
            "GET / HTTP/1.1\r\n\(host)\r\n", "GET /assets/handbook.css HTTP/1.1\r\n\(host)\r\n",
            "GET /nothing.html HTTP/1.1\r\n\(host)\r\n", "GET \(LiveReload.scriptPath) HTTP/1.1\r\n\(host)\r\n",
            "GET /sw.js HTTP/1.1\r\n\(host)\r\n", "GET /../x HTTP/1.1\r\n\(host)\r\n", "GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n",
            "POST / HTTP/1.1\r\n\(host)\r\n", "GET /\(String(repeating: "a", count: 9_000)) HTTP/1.1\r\n\(host)\r\n",
        ] {
            let response = try await served.exchange(request)
            #expect(response?.header("X-Content-Type-Options") == "nosniff", "\(request.prefix(40))")
            #expect(response?.header("Cache-Control") == "no-store", "\(request.prefix(40))")
        }
        let head = try await served.exchange("HEAD / HTTP/1.1\r\n\(host)\r\n", head: true)
        #expect(head?.header("X-Content-Type-Options") == "nosniff")
        let worker = try #require(try await served.get("/sw.js"))
        #expect(worker.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(worker.text == LiveReload.serviceWorkerRemover)
        await served.stop()
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
        let server = try PreviewServer(.init(
            build: BuildOptions(content: handbook.content, templates: Repository.templates, output: handbook.output),
            port: 0)) { _ in }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let base = try await server.waitUntilListening()
        let first = try await Self.get(base + "chapters/first.html")
        #expect(first.contains("Because."))
        #expect(first.contains(LiveReload.scriptTag))

        try handbook.write("---\ntitle: First\n---\n\nIntro.\n\n## FIRST-1 Do the first thing\n\nBecause it is edited.\n", to: "chapters/01-first.md")
        var updated = ""
        try await waitUntil(every: .milliseconds(100)) {
            updated = try await Self.get(base + "chapters/first.html")
            return updated.contains("Because it is edited.")
        }
        #expect(updated.contains("Because it is edited."))
        // The indexes were left for later (the page is written before the rebuild ends), and
        // are brought up to date when asked for.
        #expect(await waitUntil { await server.editionsOutOfDate })
        #expect(try await Self.get(base + "handbook.json").contains("Because it is edited."))
        #expect(try await Self.get(base + "search-index.json").contains("edited"))
        #expect(await server.editionsOutOfDate)
        // The offline copy holds every other edition: asking for it brings them all up to date.
        _ = try await Self.get(base + "handbook-offline.zip")
        #expect(!(await server.editionsOutOfDate))
        #expect(try await Self.get(base + "print.html").contains("Because it is edited."))
        #expect(try await Self.get(base + "nothing.html").contains("<h1>Page not found</h1>"))
        await server.stop()
    }

    /// GET with curl: FoundationNetworking's URLSession is not needed for this.
    static func get(_ url: String) async throws -> String {
        // Not a blocking wait: the server answering runs on the same few threads as this test.
        await (try ChildProcess("/usr/bin/env", ["curl", "-s", "--max-time", "60", url])).finished().stdout
    }
}
