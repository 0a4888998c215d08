import Foundation

/// Content types of the files a site has.
public enum ContentTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json",
        "webmanifest": "application/manifest+json", "xml": "application/xml", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf", "epub": "application/epub+zip",
        "zip": "application/zip", "txt": "text/plain; charset=utf-8", "mp4": "video/mp4", "mp3": "audio/mpeg",
        "woff2": "font/woff2",
    ]

    public static func forPath(_ path: String) -> String {
        byExtension[(path as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
    }
}
