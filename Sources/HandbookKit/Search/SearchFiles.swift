import Foundation

/// The search index as the two files the site gets: JSON for tools and servers, and a classic
/// script for pages opened from the disk.
struct SearchFiles: Sendable {
    let json: Data
    let script: Data
    let plainTextBytes: Int

    init(_ handbook: ResolvedHandbook) throws {
        let (pages, sections) = SearchSections.make(from: handbook)
        let index = SearchIndex.build(pages: pages, sections: sections, language: handbook.config.language)
        json = try index.json()
        script = SearchIndex.script(json: json)
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
            "search.budget", at: SourceLocation(file: configFile),
            "the search index is \(json.count) bytes, \(String(format: "%.2f", ratio)) times the handbook's plain text, over the budget of \(config.searchIndexBudget)",
            suggestion: "raise 'search-index-budget' in handbook.yml if the size is acceptable")
    }
}
