import Foundation
import Synchronization

/// Step 7, editions: made at the same time on every core, then written one after the other in
/// the order of `SiteEdition.allCases` (the offline copy, which holds the others, last).
enum EditionsStep {
    /// The editions of `kinds`, each made from the model and the rendered content. The search
    /// index is asked for only when its edition is wanted.
    static func editions(
        _ kinds: [SiteEdition], _ handbook: ResolvedHandbook, templates: TemplateSet, content: RenderedContent,
        search: () throws -> SearchFiles, siteFolder: String
    ) rethrows -> [any Edition] {
        try SiteEdition.allCases.filter(kinds.contains).map { kind -> any Edition in
            switch kind {
            case .index: IndexEdition(handbook: handbook, content: content, siteFolder: siteFolder)
            case .search: SearchEdition(files: try search())
            case .print: PrintEdition(handbook: handbook, content: content, templates: templates)
            case .epub: EPUBEdition(handbook: handbook, content: content, templates: templates, siteFolder: siteFolder)
            case .offline: OfflineEdition(handbook: handbook, templates: templates, siteFolder: siteFolder)
            }
        }
    }

    /// Writes `editions`; returns the sizes of the downloads when the offline copy was written,
    /// as its home page shows them.
    @discardableResult
    static func run(
        _ editions: [any Edition], into folder: SiteFolder,
        progress: (@Sendable (String, Int, Int) -> Void)? = nil, written: (SiteEdition) -> Void = { _ in }
    ) throws -> DownloadSizes? {
        let prepared = Mutex([PreparedEdition?](repeating: nil, count: editions.count))
        // Last first: the offline copy, whose archive of the pages takes longest, starts at
        // once, and the others share the other core.
        DispatchQueue.concurrentPerform(iterations: editions.count) { iteration in
            let number = editions.count - 1 - iteration
            let edition = editions[number].prepared()
            prepared.withLock { $0[number] = edition }
        }
        var downloads: DownloadSizes?
        for edition in prepared.withLock({ $0 }).compactMap({ $0 }) {
            let scope = WriteLog.Scope.edition(edition.kind)
            folder.writes?.begin(scope)
            if let step = edition.progress { progress?(step.message, step.step, 4) }
            if let sizes = try edition.write(folder) { downloads = sizes }
            folder.removeFilesNoLongerProduced(in: scope)
            written(edition.kind)
        }
        return downloads
    }
}
