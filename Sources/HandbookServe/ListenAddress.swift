import NIOCore

/// Where the preview server listens: the host as the user gave it, which is printed and accepted
/// in `Host` headers, and the numeric address bound. `localhost` is 127.0.0.1 without asking a
/// resolver, so that it means the same machine wherever the handbook is served.
struct ListenAddress: Sendable, Equatable {
    /// As given, without brackets: `127.0.0.1`, `localhost`, `::1`.
    let host: String
    /// The numeric address bound.
    let numeric: String
    let port: Int

    init(host given: String, port: UInt16) throws(ServeProblem) {
        var host = given
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host
        self.port = Int(port)
        if host.lowercased() == "localhost" {
            numeric = "127.0.0.1"
        } else if (try? SocketAddress(ipAddress: host, port: 0)) != nil {
            numeric = host
        } else if Self.isHostName(host), let resolved = try? SocketAddress.makeAddressResolvingHost(host, port: 0).ipAddress {
            numeric = resolved
        } else {
            throw .unknownHost(given)
        }
    }

    /// The host as it appears in a URL or a `Host` header: IPv6 addresses in brackets.
    var urlHost: String { host.contains(":") ? "[\(host)]" : host }

    /// RFC 1123 names only, so that text which cannot be a name is refused without asking a
    /// resolver about it.
    static func isHostName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
    }
}
