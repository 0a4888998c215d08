import Foundation

/// A TCP connection to a server on this machine that sends exactly the bytes it is given, for
/// requests no HTTP client would send. Non-blocking and polled: the server under test answers on
/// the same few threads as the test, which a blocking read would hold.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32
    private(set) var received = Data()
    private(set) var closedByServer = false

    init(port: Int, host: String = "127.0.0.1") throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        socket = Glibc.socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure("socket: \(errno)") }
        var status: Int32
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard status == 0 else {
            close(socket)
            throw Failure("connect to \(host):\(port): \(errno)")
        }
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(socket) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Sends all of `bytes`, reading what the server answers meanwhile (it may answer and close
    /// before the end). False when the server closed the connection first.
    @discardableResult
    func send(_ bytes: some Collection<UInt8>, within seconds: Double = 10) async -> Bool {
        var rest = Array(bytes)[...]
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !rest.isEmpty, ContinuousClock.now < deadline {
            let sent = rest.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                rest = rest.dropFirst(sent)
            } else if sent < 0, errno != EAGAIN, errno != EWOULDBLOCK {
                return false
            } else {
                readAvailable()
                if closedByServer { return false }
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
        return rest.isEmpty
    }

    @discardableResult
    func send(_ text: String, within seconds: Double = 10) async -> Bool {
        await send(Array(text.utf8), within: seconds)
    }

    /// Reads until the server closes the connection, `until` is satisfied by what was received,
    /// or `seconds` pass.
    func receive(within seconds: Double = 10, until done: (Data) -> Bool = { _ in false }) async {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !closedByServer, !done(received), ContinuousClock.now < deadline {
            readAvailable()
            if closedByServer || done(received) { return }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Reads one response: its head, and its body by Content-Length (none for HEAD). The wait
    /// is long because the whole suite runs in parallel on two cores, where a server process
    /// has answered a first request after more than ten seconds; a test waits that long only
    /// when it is about to fail.
    func response(within seconds: Double = 30, head: Bool = false) async -> RawResponse? {
        await receive(within: seconds) { RawResponse(parsing: $0, bodyExpected: !head) != nil }
        return RawResponse(parsing: received, bodyExpected: !head)
    }

    func forget() { received = Data() }

    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: buffer[..<count])
            } else {
                if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) { closedByServer = true }
                return
            }
        }
    }
}

/// The parts of a response a test looks at.
struct RawResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Nil until the head and the body its Content-Length announces have arrived.
    init?(parsing data: Data, bodyExpected: Bool = true) {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        self.status = status
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = bodyExpected ? headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0 : 0
        let rest = data[end.upperBound...]
        guard rest.count >= length else { return nil }
        body = Data(rest.prefix(length))
    }
}
