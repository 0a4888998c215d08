import Foundation

/// What a site with a `base_url` adds: absolute links, a sitemap and oEmbed files.
enum PublishedURLs {
    static func sitemap(base: String, pages: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "<url><loc>\(HTML.escape(base + URLEncoding.path(page)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// A static oEmbed response (type "rich") whose HTML is an iframe of the page's embed version.
    static func oembed(base: String, page: String, title: String, config: HandbookConfig, height: Int) throws -> Data {
        let embed = base + URLEncoding.path(SiteLayout.embedPage(of: page))
        let html = "<iframe src=\"\(HTML.escape(embed))\" title=\"\(HTML.escape(title))\" width=\"640\" height=\"\(height)\" class=\"handbook-embed\" loading=\"lazy\"></iframe>"
        var object: [String: Any] = [
            "version": "1.0", "type": "rich", "title": title, "provider_name": config.organisation ?? config.title,
            "provider_url": base, "html": html, "width": 640, "height": height,
        ]
        object["author_name"] = config.organisation
        var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
        data.append(0x0A)
        return data
    }
}
