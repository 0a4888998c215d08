import HandbookMarkdown

/// Step 5, index: the search index, whose size has a budget.
package enum IndexStep {
    package static func run(_ handbook: ResolvedHandbook, configPath: String) -> (SearchFiles?, [Diagnostic]) {
        do {
            let files = try SearchFiles(handbook)
            let warning = files.budgetWarning(config: handbook.config, configFile: DisplayPath.of(configPath))
            return (files, warning.map { [$0] } ?? [])
        } catch {
            return (nil, [.error(
                .searchIndex, at: SourceLocation(file: DisplayPath.of(configPath)),
                "could not build the search index: \(error)")])
        }
    }
}
