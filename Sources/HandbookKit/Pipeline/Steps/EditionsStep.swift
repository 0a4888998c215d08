import Foundation
import Synchronization

/// Step 7, editions: made at the same time on every core, longest first, and written one after
/// the other in the order of `SiteEdition.allCases` (the offline copy, which holds the others,
/// last), each as soon as it and those before it are made.
enum EditionsStep {
    /// The editions of `kinds`, each made from the model and the rendered content. The search
    /// index is asked for only when its edition is wanted.
    static func editions(
        _ kinds: [SiteEdition], _ handbook: ResolvedHandbook, templates: TemplateSet, content: RenderedContent,
        search: () throws -> SearchFiles, siteFolder: String
    ) rethrows -> [any Edition] {
        try SiteEdition.allCases.filter(kinds.contains).map { kind -> any Edition in
            switch kind {
            case .rulesIndex: RulesIndexEdition(handbook: handbook, templates: templates)
            case .embedGuide: EmbedGuideEdition(handbook: handbook, templates: templates)
            case .rulePreviews: RulePreviewsEdition(handbook: handbook)
            case .index: IndexEdition(handbook: handbook, content: content, siteFolder: siteFolder)
            case .search: SearchEdition(files: try search())
            case .print: PrintEdition(handbook: handbook, content: content, templates: templates, siteFolder: siteFolder)
            case .epub: EPUBEdition(handbook: handbook, content: content, templates: templates, siteFolder: siteFolder)
            case .offline: OfflineEdition(handbook: handbook, templates: templates, siteFolder: siteFolder)
            }
        }
    }

    /// Writes `editions`; returns the sizes of the downloads when the offline copy was written,
    /// as its home page shows them.
    ///
    /// An edition is written by the thread that made the last of it and those before it, and let
    /// go once written: held until all were made, the print edition's page (157 MB at 10,000
    /// chapters) sat in memory beside the making of handbook.json and the whole offline archive.
    /// The large ones (handbook.json, print, the EPUB) are made into files beside their places,
    /// so that one made before its turn to be written holds no memory. Writing them while the
    /// archive is begun adds nothing to it: the files they write are hidden while made, or ones
    /// the archive leaves out or adds only when written (`OfflineArchive`).
    @discardableResult
    static func run(
        _ editions: [any Edition], into folder: SiteFolder,
        progress: (@Sendable (String, Int, Int) -> Void)? = nil, written: @Sendable (SiteEdition) -> Void = { _ in }
    ) throws -> DownloadSizes? {
        // What parsing and rendering freed is given back before the editions are made.
        FreeMemory.giveBack()
        // Longest to make first, so that no core is left with a long one at the end: at 1,000
        // chapters the archive of the pages took 0.95 s, the EPUB 0.61 s, handbook.json 0.41 s
        // and print 0.26 s; made in the order they are written, the EPUB came last and the
        // archive waited half a second for it.
        let order = editions.indices.sorted { Self.makingRank(editions[$0].kind) < Self.makingRank(editions[$1].kind) }
        let queue = Mutex(WriteQueue(count: editions.count))
        DispatchQueue.concurrentPerform(iterations: order.count) { iteration in
            let number = order[iteration]
            let made = editions[number].prepared()
            var next = queue.withLock { $0.add(made, at: number) }
            while let edition = next {
                let outcome = Result {
                    let scope = WriteLog.Scope.edition(edition.kind)
                    folder.writes?.begin(scope)
                    if let step = edition.progress { progress?(step.message, step.step, 4) }
                    let sizes = try edition.write(folder)
                    folder.removeFilesNoLongerProduced(in: scope)
                    written(edition.kind)
                    return sizes
                }
                FreeMemory.giveBack()
                next = queue.withLock { $0.finished(outcome) }
            }
        }
        return try queue.withLock { try $0.outcome() }
    }

    private static func makingRank(_ kind: SiteEdition) -> Int {
        switch kind {
        case .offline: 0
        case .epub: 1
        case .index: 2
        case .print: 3
        case .search, .rulesIndex, .embedGuide, .rulePreviews: 4
        }
    }

    /// The editions made and waiting for those before them to be written, and which is next.
    private struct WriteQueue {
        private var waiting: [PreparedEdition?]
        private var next = 0
        /// Whether a thread is writing: only one writes at a time, in order.
        private var writing = false
        private var downloads: DownloadSizes?
        private var failure: (any Error)?

        init(count: Int) {
            waiting = Array(repeating: nil, count: count)
        }

        /// Keeps `edition`; returns the edition this thread is to write now, if any.
        mutating func add(_ edition: PreparedEdition, at number: Int) -> PreparedEdition? {
            guard failure == nil else { return nil }
            waiting[number] = edition
            return writing ? nil : take()
        }

        /// Notes what writing an edition gave; returns the next one to write, if it is made.
        mutating func finished(_ outcome: Result<DownloadSizes?, any Error>) -> PreparedEdition? {
            switch outcome {
            case .success(let sizes): if let sizes { downloads = sizes }
            case .failure(let error): failure = error
            }
            return take()
        }

        /// After every edition was made: the first error, or the sizes of the downloads.
        func outcome() throws -> DownloadSizes? {
            if let failure { throw failure }
            return downloads
        }

        private mutating func take() -> PreparedEdition? {
            guard failure == nil, next < waiting.count, let edition = waiting[next] else {
                writing = false
                return nil
            }
            waiting[next] = nil
            next += 1
            writing = true
            return edition
        }
    }
}
