import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookServe

/// A small handbook built and served by a `PreviewServer` on a free port of this machine.
struct ServedHandbook {
    let handbook: TestHandbook
    let server: PreviewServer
    let running: Task<Void, any Error>
    let port: Int

    init(_ files: [String: String] = [:], host: String = "127.0.0.1", limits: ServeLimits = ServeLimits()) async throws {
        handbook = try TestHandbook(files)
        server = try PreviewServer(.init(
            build: BuildOptions(content: handbook.content, templates: Repository.templates, output: handbook.output),
            host: host, port: 0, limits: limits)) { _ in }
        let server = self.server
        running = Task { try await server.run() }
        let address = try await server.waitUntilListening()
        port = try #require(Int(address.split(separator: ":").last?.trimmingCharacters(in: CharacterSet(charactersIn: "/")) ?? ""))
    }

    func connect() throws -> RawConnection {
        try RawConnection(port: port)
    }

    /// One request on a new connection, and its response.
    func exchange(_ request: String, head: Bool = false) async throws -> RawResponse? {
        let connection = try connect()
        await connection.send(request)
        return await connection.response(head: head)
    }

    /// A GET of `target` with this server's `Host`.
    func get(_ target: String, headers: String = "") async throws -> RawResponse? {
        try await exchange("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(headers)\r\n")
    }

    func stop() async {
        await server.stop()
        _ = try? await running.value
        handbook.remove()
    }
}
