import Foundation
import HandbookMarkdown

/// The search index as the files the site gets: JSON for tools and servers, and classic
/// scripts for pages opened from the disk: `search-index.js` with everything but the sections,
/// and the sections in parts (`search-index-1.js`, ...) of at most `partBytes` each, which the
/// browser loads one after another so that no single script freezes the page while it parses.
package struct SearchFiles: Sendable {
    static let partBytes = 256 * 1024

    package let json: Data
    package let script: Data
    let parts: [Data]
    let plainTextBytes: Int

    init(_ handbook: ResolvedHandbook) throws {
        let (pages, sections) = SearchSections.make(from: handbook)
        let index = SearchIndex.build(pages: pages, sections: sections, language: handbook.config.language, grammar: handbook.config.ruleGrammar)
        let files = try index.files(partBytes: Self.partBytes)
        json = files.json
        script = SearchIndex.script(json: files.header)
        parts = files.parts.enumerated().map { number, part in
            SearchIndex.script(json: part, assignTo: "window.handbookSearchIndexParts[\(number)]")
        }
        plainTextBytes = index.plainTextBytes
    }

    /// The part of the index that does not grow with the text (field names, the format): small
    /// handbooks are measured with it left out.
    static let fixedAllowance = 8 * 1024

    /// A warning when the index is larger than the handbook's budget allows.
    func budgetWarning(config: HandbookConfig, configFile: String) -> Diagnostic? {
        let limit = Double(plainTextBytes) * config.searchIndexBudget + Double(Self.fixedAllowance)
        guard Double(json.count) > limit else { return nil }
        let ratio = Double(json.count) / Double(max(plainTextBytes, 1))
        return .warning(
            .searchBudget, at: SourceLocation(file: configFile),
            "the search index is \(json.count) bytes, \(String(format: "%.2f", ratio)) times the handbook's plain text, over the budget of \(config.searchIndexBudget)",
            suggestion: "raise 'search_index_budget' in handbook.yml if the size is acceptable")
    }
}
