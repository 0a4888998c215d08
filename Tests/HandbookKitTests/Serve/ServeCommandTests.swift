import Foundation
import Testing
@testable import HandbookKit

/// `handbook serve` run as a user runs it: what it says when it cannot listen, and that it
/// listens on host names and IPv6.
@Suite("Serve command")
struct ServeCommandTests {
    static func arguments(_ handbook: TestHandbook, _ extra: [String]) -> [String] {
        ["serve", "--content", handbook.content, "--templates", Repository.templates, "--output", handbook.output] + extra
    }

    @Test("a port in use is one sentence saying what to do, and exit status 1")
    func portInUse() async throws {
        let handbook = try TestHandbook()
        defer { handbook.remove() }
        let (listener, port) = try Self.occupiedPort()
        defer { close(listener) }
        let run = try await ChildProcess.run(handbook: Self.arguments(handbook, ["--port", String(port)]))
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix(
            "error: port \(port) is already in use on 127.0.0.1; stop the other server or choose another port with --port\n"), "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 2, "more than the build summary and the error")
    }

    @Test("an address of no interface here, and a host that is no name, are one sentence each, and exit status 1")
    func badAddresses() async throws {
        let handbook = try TestHandbook()
        defer { handbook.remove() }
        // 192.0.2.1 is reserved for documentation: no machine has it, and binding sends nothing.
        let foreign = try await ChildProcess.run(handbook: Self.arguments(handbook, ["--host", "192.0.2.1", "--quiet"]))
        #expect(foreign.status == 1)
        #expect(foreign.stderr == "error: cannot listen on 192.0.2.1, which is not an address of this machine; choose one of its own with --host, such as 127.0.0.1\n")
        let nameless = try await ChildProcess.run(handbook: Self.arguments(handbook, ["--host", "no such host", "--quiet"]))
        #expect(nameless.status == 1)
        #expect(nameless.stderr == "error: 'no such host' is neither an address nor a name this machine can resolve; give --host an address such as 127.0.0.1 or ::1, or the name localhost\n")
    }

    @Test("--host localhost and --host ::1 listen, print where, answer, and stop cleanly on Ctrl-C", arguments: [
        ("localhost", "localhost", "127.0.0.1"), ("::1", "[::1]", "::1"),
    ])
    func hostNames(_ host: String, _ urlHost: String, _ connectTo: String) async throws {
        let handbook = try TestHandbook()
        defer { handbook.remove() }
        let server = try ChildProcess(handbook: Self.arguments(handbook, ["--host", host, "--port", "0"]))
        var port: Int?
        await waitUntil {
            let pattern = "Serving \(handbook.output) at http://\(urlHost):"
            if let line = server.errorSoFar.components(separatedBy: "\n").first(where: { $0.hasPrefix(pattern) }) {
                #expect(line.hasSuffix("/ (Ctrl-C to stop)"), "\(line)")
                port = Int(line.dropFirst(pattern.count).prefix { $0.isNumber })
            }
            return port != nil || !server.isRunning
        }
        let listening = try #require(port, "\(server.errorSoFar)")
        let connection = try RawConnection(port: listening, host: connectTo)
        await connection.send("GET /chapters/first.html HTTP/1.1\r\nHost: \(urlHost):\(listening)\r\n\r\n")
        let response = await connection.response()
        #expect(response?.status == 200)
        #expect(response?.text.contains("Because.") == true)
        server.kill(SIGINT)
        let run = await server.finished()
        #expect(run.status == 0)
        #expect(run.stderr.hasSuffix("Stopped.\n"), "\(run.stderr)")
    }

    /// A socket listening on a free port of 127.0.0.1, as another server would.
    static func occupiedPort() throws -> (Int32, Int) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && Glibc.listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard bound else { throw RawConnection.Failure("cannot listen: \(errno)") }
        return (listener, Int(UInt16(bigEndian: address.sin_port)))
    }
}
