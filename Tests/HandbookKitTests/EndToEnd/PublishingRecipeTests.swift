import Foundation
import Testing
import Yams
@testable import HandbookKit

/// The CI recipe in docs/publishing/: a GitHub Actions workflow that must be valid YAML and do
/// what docs/publishing.md says, with the commands and libraries the tool really has.
@Suite("Publishing recipe")
struct PublishingRecipeTests {
    private static let workflow = Repository.root + "/docs/publishing/handbook-site.yml"

    private func steps() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: Self.workflow, encoding: .utf8)
        let root = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(root["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        #expect(jobs["deploy"] != nil, "the workflow publishes the site")
        return try #require(build["steps"] as? [[String: Any]])
    }

    @Test("the workflow installs the libraries with apt-get, the tool with make install, then checks, builds and publishes")
    func workflow() throws {
        let steps = try steps()
        let runs = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
        for library in ["libcmark-dev", "libstemmer-dev", "libarchive-dev", "zlib1g-dev"] {
            #expect(runs.contains(library), "\(library) is not installed")
        }
        #expect(runs.contains("make -C .handbook-tool install"))
        #expect(runs.contains("handbook check --strict --format github"))
        #expect(runs.contains("handbook build --strict"))
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.contains { $0.hasPrefix("swift-actions/setup-swift") })
        #expect(uses.contains { $0.hasPrefix("actions/upload-pages-artifact") })
        // The commands it runs exist: the Makefile has install, the tool has --format github.
        let makefile = try String(contentsOfFile: Repository.root + "/Makefile", encoding: .utf8)
        #expect(makefile.contains("\ninstall: "))
        #expect(DiagnosticFormat.allCases.map(\.rawValue).contains("github"))
    }
}
