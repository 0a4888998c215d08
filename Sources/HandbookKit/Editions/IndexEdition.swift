import Foundation

/// `handbook.json`, the machine-readable index of the rules, and its JSON Schema beside it.
package struct IndexEdition: Edition {
    let handbook: ResolvedHandbook
    let content: RenderedContent

    package init(handbook: ResolvedHandbook, content: RenderedContent) {
        self.handbook = handbook
        self.content = content
    }

    var kind: SiteEdition { .index }
    var progress: (message: String, step: Int)? { ("writing the indexes and the print edition", 1) }

    package func make() throws -> Data {
        try HandbookIndex(handbook, content: content).encoded()
    }

    func write(_ made: Data, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.write(made, to: SiteLayout.handbookIndex, scope: .edition(kind))
        try folder.write(HandbookSchema.json(for: handbook.config.ruleGrammar), to: SiteLayout.handbookSchema, scope: .edition(kind))
        return nil
    }
}
