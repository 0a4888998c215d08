import Foundation

/// Every internal link and anchor in a built site, checked the way a browser follows them.
enum SiteLinks {
    struct Broken: CustomStringConvertible {
        var page: String
        var target: String
        var description: String { "\(page) -> \(target)" }
    }

    /// Internal href and src values that point at no file, or at no element with that id.
    static func broken(in root: String) throws -> (checked: Int, broken: [Broken]) {
        let files = try folderContents(root)
        var ids: [String: Set<String>] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            ids[path] = Set(matches(of: #"\sid="([^"]*)""#, in: String(decoding: data, as: UTF8.self)).map(unescape))
        }
        var checked = 0
        var broken: [Broken] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            // A <base href> (embed pages) changes what relative links resolve against.
            let base = matches(of: #"<base href="([^"]*)""#, in: html).first
            let basePath = base.map { path.split(separator: "/").dropLast().joined(separator: "/") + "/" + $0 + "x" } ?? path
            for raw in matches(of: #"\s(?:href|src)="([^"]*)""#, in: html) where !html.contains("<base href=\"\(raw)\"") {
                let link = unescape(raw)
                if link.isEmpty || link.contains(":") && !link.hasPrefix("#") && link.range(of: #"^[a-zA-Z][a-zA-Z0-9+.-]*:"#, options: .regularExpression) != nil {
                    continue  // external, or removed by the sanitiser
                }
                checked += 1
                var target = link
                var fragment: String?
                if let hash = target.firstIndex(of: "#") {
                    fragment = String(target[target.index(after: hash)...]).removingPercentEncoding
                    target = String(target[..<hash])
                }
                let resolved: String
                if target.isEmpty {
                    resolved = path
                } else if target.hasPrefix("/") {
                    // From the site's root, as a server resolves it (the page for a missing address).
                    let url = URL(fileURLWithPath: "/site" + (target.removingPercentEncoding ?? target)).standardizedFileURL
                    resolved = String(url.path.dropFirst("/site/".count))
                } else {
                    let base = URL(fileURLWithPath: "/site/" + basePath).deletingLastPathComponent()
                    let url = URL(fileURLWithPath: target.removingPercentEncoding ?? target, relativeTo: base).standardizedFileURL
                    resolved = String(url.path.dropFirst("/site/".count))
                }
                guard files[resolved] != nil else {
                    broken.append(Broken(page: path, target: link))
                    continue
                }
                if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html"), !(ids[resolved]?.contains(fragment) ?? false) {
                    broken.append(Broken(page: path, target: link))
                }
            }
        }
        return (checked, broken)
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
