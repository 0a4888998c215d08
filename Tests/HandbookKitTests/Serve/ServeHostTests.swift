import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookServe

/// The preview server answers only to this machine's names, so that a page of another site whose
/// name was pointed at 127.0.0.1 (DNS rebinding) can neither read the handbook nor open the
/// live-reload socket.
@Suite("Preview server hosts and origins")
struct ServeHostTests {
    static let upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"

    @Test("Host: loopback names with or without this port are answered; other names get 403 and nothing of the site")
    func hosts() async throws {
        let served = try await ServedHandbook()
        let port = served.port
        for host in ["localhost", "localhost:\(port)", "LocalHost:\(port)", "127.0.0.1", "127.0.0.1:\(port)", "127.1.2.3:\(port)", "[::1]", "[::1]:\(port)"] {
            let response = try await served.exchange("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            #expect(response?.status == 200, "Host: \(host)")
        }
        for host in [
            "evil.example", "evil.example:\(port)", "localhost.evil.example", "127.0.0.1.evil.example", "localhost:1",
            "127.0.0.256", "[::2]:\(port)", "0.0.0.0:\(port)", "localhost:\(port)x", "",
        ] {
            let response = try await served.exchange("GET /chapters/first.html HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            #expect(response?.status == 403, "Host: \(host)")
            #expect(response?.text.contains("Because.") == false, "Host: \(host)")
            #expect(host.isEmpty || response?.text.contains(host) == false, "Host: \(host) was repeated back")
        }
        await served.stop()
    }

    @Test("HTTP/1.1 without Host, or with two, gets 400; HTTP/1.0 without Host is answered")
    func missingHost() async throws {
        let served = try await ServedHandbook()
        #expect(try await served.exchange("GET / HTTP/1.1\r\n\r\n")?.status == 400)
        #expect(try await served.exchange("GET / HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n")?.status == 400)
        #expect(try await served.exchange("GET / HTTP/1.0\r\n\r\n")?.status == 200)
        await served.stop()
    }

    @Test("--host: its name is answered too, and the printed address names it")
    func configuredHost() async throws {
        let served = try await ServedHandbook(host: "localhost")
        #expect(try await served.exchange("GET / HTTP/1.1\r\nHost: localhost:\(served.port)\r\n\r\n")?.status == 200)
        #expect(try await served.server.waitUntilListening() == "http://localhost:\(served.port)/")
        await served.stop()
        let six = try await ServedHandbook(host: "::1")
        #expect(try await six.server.waitUntilListening() == "http://[::1]:\(six.port)/")
        let connection = try RawConnection(port: six.port, host: "::1")
        await connection.send("GET / HTTP/1.1\r\nHost: [::1]:\(six.port)\r\n\r\n")
        #expect(await connection.response()?.status == 200)
        await six.stop()
    }

    @Test("the live-reload socket opens for this server's pages and for clients without Origin, and for no other origin")
    func origins() async throws {
        let served = try await ServedHandbook()
        let port = served.port
        let path = "GET \(LiveReload.socketPath) HTTP/1.1\r\n"
        for origin in ["http://127.0.0.1:\(port)", "http://localhost:\(port)", "http://[::1]:\(port)", nil] {
            let response = try await served.exchange(path + "Host: 127.0.0.1:\(port)\r\n" + Self.upgrade + (origin.map { "Origin: \($0)\r\n" } ?? "") + "\r\n", head: true)
            #expect(response?.status == 101, "Origin: \(origin ?? "none")")
        }
        for origin in ["http://evil.example", "http://evil.example:\(port)", "http://127.0.0.1:1", "https://127.0.0.1:\(port)", "null", "http://127.0.0.1:\(port)/x"] {
            let response = try await served.exchange(path + "Host: 127.0.0.1:\(port)\r\n" + Self.upgrade + "Origin: \(origin)\r\n\r\n", head: true)
            #expect(response?.status == 403, "Origin: \(origin)")
        }
        let foreignHost = try await served.exchange(path + "Host: evil.example:\(port)\r\n" + Self.upgrade + "Origin: http://127.0.0.1:\(port)\r\n\r\n", head: true)
        #expect(foreignHost?.status == 403)
        let otherPath = try await served.exchange("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n" + Self.upgrade + "\r\n", head: true)
        #expect(otherPath?.status == 404)
        await served.stop()
    }

    @Test("the live-reload socket says reload after an edit, sends the problems of a failed rebuild, and to pages opened until it is fixed")
    func liveReload() async throws {
        let served = try await ServedHandbook()
        let socket = try served.connect()
        await socket.send("GET \(LiveReload.socketPath) HTTP/1.1\r\nHost: 127.0.0.1:\(served.port)\r\nOrigin: http://127.0.0.1:\(served.port)\r\n" + Self.upgrade + "\r\n")
        #expect(await socket.response(head: true)?.status == 101)
        try served.handbook.write("---\ntitle: First\n---\n\n## FIRST-1 Do the first thing\n\nBecause it is edited.\n", to: "chapters/01-first.md")
        await socket.receive(within: 20) { String(decoding: $0, as: UTF8.self).contains(#"{"type":"reload"}"#) }
        #expect(String(decoding: socket.received, as: UTF8.self).contains(#"{"type":"reload"}"#))
        try served.handbook.write("---\ntitle: First\n---\n\n## FIRST-1 Do the first thing\n\nSee [x](rule:NOPE-1).\n", to: "chapters/01-first.md")
        await socket.receive(within: 20) { String(decoding: $0, as: UTF8.self).contains(#""type":"errors""#) }
        let text = String(decoding: socket.received, as: UTF8.self)
        #expect(text.contains(#""type":"errors""#) && text.contains("NOPE-1"))
        // With the source line and its marker, as the terminal shows them.
        #expect(text.contains("See [x](rule:NOPE-1)."))

        // A page opened while the build is broken is told at once; one opened after the fix is not.
        let late = try served.connect()
        await late.send("GET \(LiveReload.socketPath) HTTP/1.1\r\nHost: 127.0.0.1:\(served.port)\r\nOrigin: http://127.0.0.1:\(served.port)\r\n" + Self.upgrade + "\r\n")
        #expect(await late.response(head: true)?.status == 101)
        await late.receive(within: 20) { String(decoding: $0, as: UTF8.self).contains("NOPE-1") }
        #expect(String(decoding: late.received, as: UTF8.self).contains(#""type":"errors""#))
        try served.handbook.write("---\ntitle: First\n---\n\n## FIRST-1 Do the first thing\n\nFixed.\n", to: "chapters/01-first.md")
        // The second reload: the first came after the first edit.
        await socket.receive(within: 20) { String(decoding: $0, as: UTF8.self).components(separatedBy: #"{"type":"reload"}"#).count == 3 }
        #expect(String(decoding: socket.received, as: UTF8.self).components(separatedBy: #"{"type":"reload"}"#).count == 3)
        let afterFix = try served.connect()
        await afterFix.send("GET \(LiveReload.socketPath) HTTP/1.1\r\nHost: 127.0.0.1:\(served.port)\r\nOrigin: http://127.0.0.1:\(served.port)\r\n" + Self.upgrade + "\r\n")
        #expect(await afterFix.response(head: true)?.status == 101)
        await afterFix.receive(within: 1) { String(decoding: $0, as: UTF8.self).contains("errors") }
        #expect(!String(decoding: afterFix.received, as: UTF8.self).contains("errors"))
        await served.stop()
    }
}
