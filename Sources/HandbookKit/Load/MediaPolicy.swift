import HandbookMarkdown

/// Refuses the media files browsers would run (`MediaTypes`), unless handbook.yml trusts them.
enum MediaPolicy {
    static func problems(_ media: [MediaFile], config: HandbookConfig) -> [Diagnostic] {
        guard !config.allowActiveMedia else { return [] }
        return media.filter(\.isActive).map { file in
            let name = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
            let type = name.contains(".") && !name.hasPrefix(".") ? "'.\(Quoted.text(String(name.split(separator: ".").last!)))' files" : "files without an extension"
            return .error(
                .mediaActive, at: SourceLocation(file: DisplayPath.of(file.path)),
                "\(type) are not published: a browser may run them as a page or script, with the site's own rights",
                suggestion: "use an image, audio, video or document format (an SVG can become a PNG), or, only for files you trust, set `allow_active_media: true` in handbook.yml")
        }
    }
}
