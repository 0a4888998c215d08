import Foundation

/// `handbook.json`, the machine-readable index of the rules, and its JSON Schema beside it.
package struct IndexEdition: Edition {
    let handbook: ResolvedHandbook
    let content: RenderedContent
    /// The folder the site is being written into, where handbook.json is made beside its place.
    let siteFolder: String

    package init(handbook: ResolvedHandbook, content: RenderedContent, siteFolder: String) {
        self.handbook = handbook
        self.content = content
        self.siteFolder = siteFolder
    }

    var kind: SiteEdition { .index }
    var progress: (message: String, step: Int)? { ("writing the indexes and the print edition", 1) }

    /// handbook.json, written into a file beside its place as it is encoded: whole in memory
    /// it was 409 MB of a 10,000-chapter build's peak.
    package func make() throws -> String {
        let temporary = SiteFolder(path: siteFolder).madePath(for: SiteLayout.handbookIndex)
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else { throw CocoaError.fileWriteError(path: temporary) }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        defer { try? file.close() }
        try HandbookIndex(handbook, content: content, rulesHTMLLater: true)
            .write(to: { try file.write(contentsOf: $0) }, completingRules: HandbookIndex.ruleHTML(handbook, content: content))
        return temporary
    }

    func write(_ made: String, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.place(SiteLayout.handbookIndex, scope: .edition(kind))
        try folder.write(HandbookSchema.json(for: handbook.config.ruleGrammar), to: SiteLayout.handbookSchema, scope: .edition(kind))
        return nil
    }
}
