/// Which files of `media/` are published. A file on the site's own origin that a browser runs
/// (an HTML page, an SVG image with a script, a script, an XML file with a stylesheet) runs
/// with the site's rights, under its Content-Security-Policy, and from the disk with none: so
/// only types browsers display or download are published, unless handbook.yml says
/// `allow_active_media: true` for media the organisation trusts. Any other extension,
/// or none, is treated as active: a browser may sniff such a file and show it as a page.
enum MediaTypes {
    /// Images, audio, video, documents, data, archives and fonts, by extension.
    static let passive: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "tif", "tiff", "heic",
        "mp3", "m4a", "wav", "ogg", "oga", "opus", "flac", "aac",
        "mp4", "m4v", "webm", "ogv", "mov",
        "vtt", "srt",
        "pdf", "txt", "csv", "tsv", "json", "md", "rtf",
        "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
        "epub", "zip", "gz",
        "woff", "woff2", "ttf", "otf",
    ]

    static func isActive(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return true }
        return !passive.contains(name[name.index(after: dot)...].lowercased())
    }
}
