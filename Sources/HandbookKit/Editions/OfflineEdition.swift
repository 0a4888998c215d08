/// The offline copy: the home page with the sizes of the downloads, the service worker, and
/// `handbook-offline.zip`, which holds the whole site, those two included.
struct OfflineEdition: Edition {
    let handbook: ResolvedHandbook
    let templates: TemplateSet

    var kind: SiteEdition { .offline }
    var progress: (message: String, step: Int)? { ("writing the offline archive", 3) }

    func make() throws {}

    /// The home page shows the size of the archive, and the archive contains the home page and
    /// the service worker (whose cache name hashes every file): so they are written in turn
    /// until the size shown no longer changes. Starting from the size of the archive the build
    /// replaces, that is one round unless the size shown changes, and two at most in practice.
    func write(_ made: Void, into folder: SiteFolder) throws -> DownloadSizes? {
        let scope = WriteLog.Scope.edition(kind)
        var downloads = DownloadSizes(
            epub: try folder.size(of: SiteLayout.epub), archive: folder.previous?.size(of: SiteLayout.offlineArchive) ?? 0,
            print: try folder.size(of: SiteLayout.print))
        let folderName = OfflineArchive.folderName(title: handbook.config.title)
        let site = SiteUnit(handbook)
        let context = PageContext(handbook: handbook)
        for _ in 0..<5 {
            try SiteRenderer.renderHome(site, context: context, templates: templates, downloads: downloads, into: folder, scope: scope)
            try ServiceWorker.write(into: folder, templates: templates)
            let written = try OfflineArchive.write(from: folder, folderName: folderName)
            folder.writes?.keep([SiteLayout.offlineArchive], scope: scope)
            if Downloads.label(written) == Downloads.label(downloads.archive) { break }
            downloads.archive = written
        }
        folder.keepIfUnchanged(SiteLayout.offlineArchive)
        return downloads
    }
}
