/// The offline copy: `handbook-offline.zip`, which holds the site as a reader opens it from the
/// disk, then the home page with the sizes of the downloads, and the service worker.
struct OfflineEdition: Edition {
    let handbook: ResolvedHandbook
    let templates: TemplateSet
    let siteFolder: String

    var kind: SiteEdition { .offline }
    var progress: (message: String, step: Int)? { ("writing the offline archive", 3) }

    /// The archive of the pages, begun while the other editions are made: it is most of the
    /// editions' time, on a core of its own.
    func make() throws -> OfflineArchive.Writer {
        let writer = try OfflineArchive.Writer(folder: siteFolder, folderName: OfflineArchive.folderName(title: handbook.config.title))
        try writer.add(SiteFolder(path: siteFolder).files().filter { OfflineArchive.holds($0) && !OfflineArchive.isWrittenLate($0) })
        return writer
    }

    /// The site's home page shows the archive's size, and the service worker's cache name
    /// hashes every file, the home page too: so the archive holds neither of them as the site
    /// has them. It holds no service worker (from the disk none is registered) and a home page
    /// that offers only what the archive holds; then the site's home page and the worker are
    /// written, each once.
    func write(_ writer: OfflineArchive.Writer, into folder: SiteFolder) throws -> DownloadSizes? {
        let scope = WriteLog.Scope.edition(kind)
        var downloads = DownloadSizes(epub: try folder.size(of: SiteLayout.epub), print: try folder.size(of: SiteLayout.print))
        let site = SiteUnit(handbook)
        let context = PageContext(handbook: handbook, templates: templates)
        var archived = downloads
        archived.inArchive = true
        try writer.add(
            folder.files().filter { OfflineArchive.holds($0) && OfflineArchive.isWrittenLate($0) },
            replacing: [SiteLayout.home: SiteRenderer.homeHTML(site, context: context, templates: templates, downloads: archived)])
        downloads.archive = try writer.finish()
        folder.writes?.keep([SiteLayout.offlineArchive], scope: scope)
        folder.keepIfUnchanged(SiteLayout.offlineArchive)
        try SiteRenderer.renderHome(site, context: context, templates: templates, downloads: downloads, into: folder, scope: scope)
        try ServiceWorker.write(into: folder, templates: templates)
        return downloads
    }
}
