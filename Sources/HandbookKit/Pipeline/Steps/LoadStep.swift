import Foundation

/// Step 1, load: find the content files, and read handbook.yml and the media policy.
package enum LoadStep {
    struct Loaded: Sendable {
        var inventory: ContentInventory
        /// Nil when handbook.yml is missing or unusable: nothing can be resolved without it.
        var config: HandbookConfig?
    }

    static func run(contentFolder: String) -> (Loaded, [Diagnostic]) {
        var (inventory, diagnostics) = ContentInventory.scan(contentFolder: contentFolder)
        var config: HandbookConfig?
        if FileManager.default.fileExists(atPath: inventory.configPath) {
            let problems: [Diagnostic]
            (config, problems) = HandbookConfig.parse(
                SourceFileReader.read(inventory.config, maxBytes: InputLimits.configBytes, what: "handbook.yml"))
            diagnostics += problems
        }
        if let config { diagnostics += MediaPolicy.problems(inventory.media, config: config) }
        return (Loaded(inventory: inventory, config: config), diagnostics)
    }

    /// The settings of a handbook.yml given as bytes.
    package static func config(_ data: Data, path: String, displayPath: String) -> (HandbookConfig?, [Diagnostic]) {
        HandbookConfig.parse(SourceFileReader.decode(data, path: path, displayPath: displayPath))
    }
}
