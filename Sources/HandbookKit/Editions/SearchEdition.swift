/// The search index: `search-index.json` for pages served over HTTP, and the scripts that
/// pages opened from the disk load instead.
struct SearchEdition: Edition {
    let files: SearchFiles

    var kind: SiteEdition { .search }

    func make() throws -> SearchFiles { files }

    func write(_ made: SearchFiles, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.write(made.json, to: SiteLayout.searchIndexJSON, scope: .edition(kind))
        try folder.write(made.script, to: SiteLayout.searchIndexScript, scope: .edition(kind))
        for (number, part) in made.parts.enumerated() {
            try folder.write(part, to: SiteLayout.searchIndexPart(number), scope: .edition(kind))
        }
        return nil
    }
}
