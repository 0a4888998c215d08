import Foundation
import HandbookKit

/// Answers requests for files of the output folder, and for nothing outside it: `..` segments
/// (encoded or not) are refused, and a path that resolves through a symlink to somewhere
/// outside the folder is not found.
public struct SiteFiles: Sendable {
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var contentType: String
        public var body: Data
    }

    public let root: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The response for a path such as `/chapters/a.html`, already percent-decoded (by
    /// `RequestTarget`): decoding it again would make `100%25.png` ask for `100%.png` and then
    /// for nothing.
    public func response(for path: String) -> Response {
        guard !path.contains("\0") else { return Self.notFound }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0.contains("\\") }) else { return Self.forbidden }
        var file = root + "/" + segments.joined(separator: "/")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            file += "/index.html"
        }
        let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        guard real == root || real.hasPrefix(root + "/"),
            FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue,
            let data = FileManager.default.contents(atPath: real)
        else { return missing }
        return Response(status: 200, contentType: ContentTypes.forPath(real), body: data)
    }

    /// The site's page for a missing address when it has one (as a static host shows it), with
    /// status 404 all the same.
    private var missing: Response {
        guard let page = FileManager.default.contents(atPath: root + "/" + SiteLayout.notFound) else { return Self.notFound }
        return Response(status: 404, contentType: ContentTypes.forPath(SiteLayout.notFound), body: page)
    }

    static let notFound = Response(status: 404, contentType: "text/plain; charset=utf-8", body: Data("Not found\n".utf8))
    static let forbidden = Response(status: 403, contentType: "text/plain; charset=utf-8", body: Data("Forbidden\n".utf8))
}
