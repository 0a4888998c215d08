import Foundation

/// What a link's URL, as the author wrote it, points to.
enum LinkTarget: Equatable {
    case rule(String)
    /// A URL with a scheme (https:, mailto:) or a host: left as it is.
    case external
    /// `#anchor` on the same page.
    case samePage(anchor: String)
    /// A path inside the content folder, from its root, with an optional anchor.
    case content(path: String, anchor: String?)
    /// `/x`: would break when the site is opened from the disk or another base path.
    case rootRelative
    /// A relative path that climbs out of the content folder.
    case outsideContent

    /// Classifies `url`, written in the file at `sourceFolder` (from the content root).
    static func classify(_ url: String, sourceFolder: String) -> LinkTarget {
        if url.hasPrefix("rule:") { return .rule(String(url.dropFirst(5))) }
        if url.hasPrefix("//") || hasScheme(url) { return .external }
        if url.hasPrefix("#") { return .samePage(anchor: decode(String(url.dropFirst()))) }
        if url.hasPrefix("/") { return .rootRelative }

        var pathPart = Substring(url)
        var anchor: String?
        if let hash = pathPart.firstIndex(of: "#") {
            anchor = decode(String(pathPart[pathPart.index(after: hash)...]))
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        if pathPart.isEmpty { return .samePage(anchor: anchor ?? "") }

        var components = sourceFolder.split(separator: "/").map(String.init)
        for component in decode(String(pathPart)).split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return .outsideContent }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        return .content(path: components.joined(separator: "/"), anchor: anchor)
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && !scheme.contains("/")
    }

    /// Percent-decoded and in NFC (`UnicodeForm`), the one form paths and anchors are
    /// compared in, byte for byte.
    private static func decode(_ text: String) -> String {
        UnicodeForm.nfc(text.removingPercentEncoding ?? text)
    }
}
