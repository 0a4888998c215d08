/// The sizes of the downloads the home page lists; zero for one not written yet.
package struct DownloadSizes: Sendable, Hashable {
    var epub = 0
    var archive = 0
    var print = 0

    package init(epub: Int = 0, archive: Int = 0, print: Int = 0) {
        self.epub = epub
        self.archive = archive
        self.print = print
    }

    var list: [TemplateContext] { Downloads.list(epubSize: epub, archiveSize: archive, printSize: print) }
}
