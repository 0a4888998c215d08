import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookServe

/// What the preview server does with requests too long, too slow, or not requests at all.
@Suite("Preview server limits")
struct ServeLimitsTests {
    // The bounds are generous, as the machine may be busy with other tests: what they tell
    // apart is an answer from none (FlyingFox stalled for good on such lines).
    @Test("a 48 KB request line is answered 414 on two connections, and a third is still answered")
    func longRequestLines() async throws {
        let served = try await ServedHandbook()
        let line = "GET /" + String(repeating: "a", count: 48_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        async let first = Self.refused(line, port: served.port)
        async let second = Self.refused(line, port: served.port)
        // While those two are being sent and refused, a normal request. Not a wait for something:
        // the pause only lets the two start first; the normal request must be answered either way.
        try await Task.sleep(for: .milliseconds(5))
        let started = ContinuousClock.now
        let normal = try await served.get("/")
        let normalTime = ContinuousClock.now - started
        #expect(normal?.status == 200)
        #expect(normalTime < .seconds(20), "a normal request took \(normalTime)")
        for (response, elapsed, closed) in [await first, await second] {
            #expect(response?.status == 414)
            #expect(elapsed < .seconds(20), "the 414 took \(elapsed)")
            #expect(closed, "the connection was left open")
            #expect(response?.text.contains("aaaa") == false, "the request was repeated back")
        }
        await served.stop()
    }

    @Test("request heads just under the limits are answered as usual")
    func underTheLimits() async throws {
        let served = try await ServedHandbook()
        #expect(try await served.get("/" + String(repeating: "a", count: 8_000))?.status == 404)
        let headers = (0..<20).map { "X-Filler-\($0): " + String(repeating: "b", count: 1_000) + "\r\n" }.joined()
        #expect(try await served.get("/", headers: headers)?.status == 200)
        await served.stop()
    }

    @Test("headers over the limit are answered 431 and the connection is closed")
    func largeHeaders() async throws {
        let served = try await ServedHandbook()
        let headers = (0..<40).map { "X-Filler-\($0): " + String(repeating: "b", count: 1_000) + "\r\n" }.joined()
        let (response, elapsed, closed) = await Self.refused("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n", port: served.port)
        #expect(response?.status == 431)
        #expect(elapsed < .seconds(20))
        #expect(closed)
        await served.stop()
    }

    @Test("a connection that sends nothing, or its request head too slowly, is closed after the head timeout")
    func slowClients() async throws {
        let served = try await ServedHandbook(limits: ServeLimits(headTimeout: .seconds(1), idleTimeout: .seconds(1)))
        let silent = try served.connect()
        let slow = try served.connect()
        let started = ContinuousClock.now
        _ = await slow.send("GET / HTTP/1.1\r\n")
        var trickled = 0
        while ContinuousClock.now - started < .seconds(30), await slow.send("X") {
            trickled += 1
            // Not a wait for something: sending slowly is what this test does.
            try await Task.sleep(for: .milliseconds(100))
        }
        let slowTime = ContinuousClock.now - started
        await slow.receive(within: 1)
        #expect(slow.closedByServer)
        #expect(slowTime < .seconds(20), "the slow head was read for \(slowTime)")
        #expect(slow.received.isEmpty, "a slow head was answered")
        await silent.receive(within: 20)
        #expect(silent.closedByServer)
        #expect(silent.received.isEmpty)
        await served.stop()
    }

    @Test("a kept-alive connection with no next request is closed after the idle timeout, a prompt one is answered")
    func idleConnection() async throws {
        // Long enough that a request sent at once is prompt even with the whole suite running on
        // two cores (one second was not), short enough that closing is seen well within the wait.
        let served = try await ServedHandbook(limits: ServeLimits(headTimeout: .seconds(4), idleTimeout: .seconds(4)))
        let connection = try served.connect()
        for _ in 0..<2 {
            await connection.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(await connection.response()?.status == 200)
            connection.forget()
        }
        let started = ContinuousClock.now
        await connection.receive(within: 20)
        #expect(connection.closedByServer)
        #expect(ContinuousClock.now - started < .seconds(20))
        await served.stop()
    }

    @Test("stopping closes every connection at once: one that sent nothing, one kept alive, the live-reload socket")
    func stopClosesConnections() async throws {
        // Timeouts far longer than the bound below, so that only stopping can close them.
        let served = try await ServedHandbook(limits: ServeLimits(headTimeout: .seconds(120), idleTimeout: .seconds(120)))
        let silent = try served.connect()
        let kept = try served.connect()
        await kept.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(await kept.response()?.status == 200)
        let socket = try served.connect()
        await socket.send("GET \(LiveReload.socketPath) HTTP/1.1\r\nHost: localhost\r\n" + ServeHostTests.upgrade + "\r\n")
        #expect(await socket.response(head: true)?.status == 101)
        // Without being closed, the silent one would be left for its head timeout.
        let started = ContinuousClock.now
        await served.server.stop()
        for connection in [silent, kept, socket] {
            await connection.receive(within: 30)
            #expect(connection.closedByServer)
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(30), "the connections were closed after \(elapsed)")
        await served.stop()
    }

    @Test("only GET and HEAD without a body are answered")
    func methods() async throws {
        let served = try await ServedHandbook()
        let host = "Host: 127.0.0.1:\(served.port)\r\n"
        let post = try await served.exchange("POST / HTTP/1.1\r\n\(host)Content-Length: 5\r\n\r\nhello")
        #expect(post?.status == 405)
        #expect(post?.header("Allow") == "GET, HEAD")
        #expect(try await served.exchange("DELETE /index.html HTTP/1.1\r\n\(host)\r\n")?.status == 405)
        #expect(try await served.exchange("GET / HTTP/1.1\r\n\(host)Content-Length: 10\r\n\r\n0123456789")?.status == 413)
        #expect(try await served.exchange("GET / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")?.status == 413)
        #expect(try await served.exchange("GET http://127.0.0.1/ HTTP/1.1\r\n\(host)\r\n")?.status == 400)
        let (garbage, _, closed) = await Self.refused("NOT HTTP AT ALL\r\n\r\n", port: served.port)
        #expect(garbage?.status == 400)
        #expect(closed)
        await served.stop()
    }

    /// Sends `request` and reads the answer: the response, how long it took, and whether the
    /// server then closed the connection.
    static func refused(_ request: String, port: Int) async -> (RawResponse?, Duration, Bool) {
        let started = ContinuousClock.now
        guard let connection = try? RawConnection(port: port) else { return (nil, .zero, false) }
        await connection.send(request)
        let response = await connection.response()
        let elapsed = ContinuousClock.now - started
        await connection.receive(within: 5)
        return (response, elapsed, connection.closedByServer)
    }
}
