import Foundation

/// `base_url` as the site writes it: parsed, and written again from its parts in a strict form:
/// the scheme and host in lower case, the path percent-encoded down to letters, digits and
/// `-._~/!$()*+,;=:@`. So it holds no quote, angle bracket, ampersand, apostrophe, space or
/// backslash, and stays one URL in every place it goes (an HTML attribute, a JSON string, a
/// sitemap, a snippet an intranet editor pastes), where it is also escaped for that place.
enum BaseURL {
    static func normalise(_ text: String) -> String? {
        guard text.utf8.count <= 2048, !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }),
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
            let host = components.percentEncodedHost?.lowercased(), isHost(host)
        else { return nil }
        var result = scheme + "://" + host
        if let port = components.port {
            guard (1...65535).contains(port) else { return nil }
            result += ":\(port)"
        }
        let path = components.percentEncodedPath.removingPercentEncoding ?? components.percentEncodedPath
        var encoded = path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? ""
        if !encoded.hasPrefix("/") { encoded = "/" + encoded }
        if !encoded.hasSuffix("/") { encoded += "/" }
        return result + encoded
    }

    /// The path of a normalised base URL (`/handbook/`), for links from the site's root on the
    /// same host. Never `//`, which a browser reads as the start of another host's address.
    static func path(_ base: String) -> String {
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return "/" + base[slash...].drop { $0 == "/" }
    }

    private static let pathCharacters = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$()*+,;=:@")

    /// A DNS name of letters, digits, hyphens and dots (internationalised names in their
    /// `xn--` form), or an IPv6 address in brackets.
    private static func isHost(_ host: String) -> Bool {
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        if host.hasPrefix("[") {
            return host.hasSuffix("]") && host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        return host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
            && !host.hasPrefix(".") && !host.hasPrefix("-")
    }
}
