/// The downloads the home page offers, with their sizes.
enum Downloads {
    static func list(epubSize: Int, archiveSize: Int, printSize: Int) -> [TemplateContext] {
        [printEdition(size: printSize),
            [.title: "EPUB edition", .url: SiteLayout.epub, .size: label(epubSize), .format: "EPUB 3",
             .description: "For e-readers and reading apps on phones and tablets."],
            [.title: "Offline copy", .url: SiteLayout.offlineArchive, .size: label(archiveSize), .format: "ZIP",
             .description: "The whole site: unzip it and open index.html, with no network."],
        ]
    }

    /// What the home page in the offline copy offers: what the copy holds (`OfflineArchive.holds`).
    static func listInArchive(printSize: Int) -> [TemplateContext] {
        [printEdition(size: printSize)]
    }

    private static func printEdition(size: Int) -> TemplateContext {
        [.title: "Print edition", .url: SiteLayout.print, .size: label(size), .format: "HTML, one page",
         .description: "The whole handbook on one page, to read offline or print to PDF."]
    }

    /// A size as people read it: "820 KB", "1.4 MB".
    static func label(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 500) / 1000)) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
