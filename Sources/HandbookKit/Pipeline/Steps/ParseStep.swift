import Foundation

/// Step 2, parse: each chapter and tip list, read and parsed by cmark, on every core.
package enum ParseStep {
    /// One page from bytes already read.
    package static func page(
        _ file: PageFile, data: Data, kind: ParsedPage.Kind, allowRawHTML: Bool
    ) -> (ParsedPage?, [Diagnostic]) {
        PageParser.parse(file, data: data, kind: kind, allowRawHTML: allowRawHTML, grammar: .standard)
    }

    /// Parses pages in parallel, keeping their order. With a cache, a page whose file is as it
    /// was when last read is taken from it without reading the file (a rebuild after one file
    /// changed reads that file alone), and so is one whose file has the same bytes.
    static func run(
        _ files: [PageFile], kind: ParsedPage.Kind, allowRawHTML: Bool, grammar: RuleGrammar, cache: BuildCache?
    ) async -> ([ParsedPage], [Diagnostic]) {
        await withTaskGroup(of: (Int, ParsedPage?, [Diagnostic]).self) { group in
            var pages = [ParsedPage?](repeating: nil, count: files.count)
            var diagnostics: [Diagnostic] = []
            for (index, file) in files.enumerated() {
                let stamp = cache == nil ? nil : FileStamp(path: file.path)
                if let cache, let stamp,
                    let cached = cache.parsedPage(at: file.path, stamp: stamp, kind: kind, allowRawHTML: allowRawHTML, grammar: grammar)
                {
                    pages[index] = cached.page
                    diagnostics += cached.diagnostics
                    continue
                }
                group.addTask {
                    guard let cache, let data = try? file.source.read(maxBytes: InputLimits.markdownBytes) else {
                        let (page, diagnostics) = PageParser.parse(file, kind: kind, allowRawHTML: allowRawHTML, grammar: grammar)
                        return (index, page, diagnostics)
                    }
                    if let cached = cache.parsedPage(
                        at: file.path, data: data, stamp: stamp, kind: kind, allowRawHTML: allowRawHTML, grammar: grammar)
                    {
                        return (index, cached.page, cached.diagnostics)
                    }
                    var (page, diagnostics) = PageParser.parse(file, data: data, kind: kind, allowRawHTML: allowRawHTML, grammar: grammar)
                    page?.wordings = RuleWordingMemo(keeping: true)
                    cache.storeParsedPage(
                        .init(
                            data: data, stamp: stamp, kind: kind, allowRawHTML: allowRawHTML, grammar: grammar, page: page,
                            diagnostics: diagnostics),
                        at: file.path)
                    return (index, page, diagnostics)
                }
            }
            for await (index, page, problems) in group {
                pages[index] = page
                diagnostics += problems
            }
            return (pages.compactMap { $0 }, diagnostics)
        }
    }
}
