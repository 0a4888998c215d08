import Foundation

/// Step 6, render: every page, in units rendered on every core (see `SiteRenderer`), and the
/// files every page needs: media, assets, the web app manifest, and, with a `base_url`, the
/// sitemap and the oEmbed files.
package enum RenderStep {
    package static func run(
        _ handbook: ResolvedHandbook, templates: TemplateSet, downloads: DownloadSizes,
        previous: [SiteRenderer.Unit: SiteRenderer.UnitRecord]?, into folder: SiteFolder,
        progress: (@Sendable (String, Int, Int) -> Void)?
    ) async throws -> SiteRenderer.Result {
        let renderer = SiteRenderer(
            handbook: handbook, templates: templates, previous: previous, downloads: downloads, progress: progress)
        let result = try await renderer.renderPages(into: folder)
        try writePublished(handbook, into: folder)
        for file in handbook.media {
            try folder.copy(from: file.source, to: SiteLayout.media(file.relativePath))
        }
        for asset in templates.files.assets {
            try folder.makeFolder((SiteLayout.asset(asset.path) as NSString).deletingLastPathComponent)
            try folder.write(asset.data, to: SiteLayout.asset(asset.path))
        }
        try folder.write(ServiceWorker.manifest(handbook.config), to: SiteLayout.manifest)
        try folder.write(PageStyle.css(handbook.config), to: SiteLayout.pageStyle)
        try folder.write(
            "This folder is written by `handbook build` and replaced as a whole on every build.\n",
            to: SiteLayout.marker)
        return result
    }

    /// With a `base_url`: the sitemap and the oEmbed files.
    private static func writePublished(_ handbook: ResolvedHandbook, into folder: SiteFolder) throws {
        guard let base = handbook.config.baseURL else { return }
        var pages = [SiteLayout.home, SiteLayout.rulesIndex, SiteLayout.print]
        if handbook.history.isComparing { pages.append(SiteLayout.changes) }
        var embeddable: [(path: String, title: String, height: Int)] = []
        for chapter in handbook.chapters {
            embeddable.append((chapter.page.outputPath, chapter.page.frontMatter.title, 800))
        }
        for rule in handbook.rules {
            embeddable.append((SiteLayout.rulePage(rule.identifier), "\(rule.identifier) \(rule.title)", 320))
        }
        for list in handbook.tipLists {
            embeddable.append((list.page.outputPath, list.page.frontMatter.title, 800))
        }
        pages += embeddable.map(\.path)
        try folder.write(PublishedURLs.sitemap(base: base, pages: pages), to: SiteLayout.sitemap)
        for item in embeddable {
            guard let path = SiteLayout.oembed(forPage: item.path) else { continue }
            try folder.makeFolder((path as NSString).deletingLastPathComponent)
            try folder.write(
                PublishedURLs.oembed(base: base, page: item.path, title: item.title, config: handbook.config, height: item.height),
                to: path)
        }
    }
}
