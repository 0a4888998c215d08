/// The sizes of the downloads the home page lists; zero for one not written yet.
package struct DownloadSizes: Sendable, Hashable {
    var epub = 0
    var archive = 0
    var print = 0
    /// Set for the home page inside the offline copy, which offers only what the copy holds.
    var inArchive = false

    package init(epub: Int = 0, archive: Int = 0, print: Int = 0) {
        self.epub = epub
        self.archive = archive
        self.print = print
    }

    var list: [TemplateContext] {
        inArchive ? Downloads.listInArchive(printSize: print) : Downloads.list(epubSize: epub, archiveSize: archive, printSize: print)
    }
}
