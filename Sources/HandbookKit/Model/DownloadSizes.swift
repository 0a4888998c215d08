/// The sizes of the downloads the home page lists; zero for one not written yet.
struct DownloadSizes: Sendable, Hashable {
    var epub = 0
    var archive = 0
    var print = 0

    var list: [[String: Any]] { Downloads.list(epubSize: epub, archiveSize: archive, printSize: print) }
}
