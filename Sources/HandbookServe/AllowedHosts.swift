/// The names under which the preview server answers: the loopback ones and the host it was told
/// to listen on. A page of another site whose name was pointed at this machine (DNS rebinding)
/// sends that site's name in `Host` and `Origin`, and is refused, so it cannot read the handbook
/// or listen to the live-reload socket.
struct AllowedHosts: Sendable {
    /// The `--host` value as it appears in a `Host` header (IPv6 in brackets), lowercased.
    let configured: String

    init(configured: String) {
        self.configured = configured.lowercased()
    }

    /// A `Host` header: an allowed name, with no port or with the port the request came in on.
    func allowsHost(_ value: String, port: Int) -> Bool {
        guard let (name, given) = Self.split(value) else { return false }
        return allows(name: name) && (given == nil || given == port)
    }

    /// An `Origin` header: `http://` and an allowed name with the server's port (left out by
    /// browsers when it is 80).
    func allowsOrigin(_ value: String, port: Int) -> Bool {
        let scheme = "http://"
        guard value.lowercased().hasPrefix(scheme), let (name, given) = Self.split(String(value.dropFirst(scheme.count)))
        else { return false }
        return allows(name: name) && (given ?? 80) == port
    }

    private func allows(name: String) -> Bool {
        let name = name.lowercased()
        return name == "localhost" || name == "[::1]" || name == configured || Self.isLoopbackIPv4(name)
    }

    /// `name` and `port` of `name[:port]`, where name may be a bracketed IPv6 address; nil when
    /// the text is neither.
    private static func split(_ text: String) -> (name: String, port: Int?)? {
        var name = Substring(text)
        var rest = Substring("")
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            name = text[...close]
            rest = text[text.index(after: close)...]
        } else if let colon = text.firstIndex(of: ":") {
            name = text[..<colon]
            rest = text[colon...]
        }
        guard !name.isEmpty else { return nil }
        if rest.isEmpty { return (String(name), nil) }
        let digits = rest.dropFirst()
        guard rest.first == ":", (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(digits)
        else { return nil }
        return (String(name), port)
    }

    /// 127.0.0.0/8 written as four decimal numbers, the only spelling browsers send.
    private static func isLoopbackIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber } && Int(part)! <= 255
        }
    }
}
