import Foundation
@testable import HandbookKit

/// Paths of the repository, found from this file's place in it.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var content: String { root + "/Content" }
    static var templates: String { root + "/Templates" }
    static var site: String { root + "/Site" }
    static var fixtures: String { root + "/Tests/HandbookKitTests/Fixtures" }
    static var shared: String { root + "/../shared" }
}

/// A handbook written into a fresh temporary folder, for tests that build one. The folder is
/// removed when the last copy of the handbook goes, at the end of the test that made it.
struct TestHandbook {
    private let temporary: TemporaryFolder
    var folder: String { temporary.path }
    var content: String { folder + "/Content" }
    var output: String { folder + "/Site" }
    var templates = Repository.templates

    /// A minimal valid handbook: handbook.yml and one chapter, plus `files` (path: text).
    init(_ files: [String: String] = [:], minimal: Bool = true) throws {
        temporary = try TemporaryFolder("handbook-test-")
        var all: [String: String] = [:]
        if minimal {
            all["handbook.yml"] = "title: Test handbook\nedition: \"1\"\n"
            all["chapters/01-first.md"] = "---\ntitle: First\nsummary: The first chapter.\n---\n\nIntro.\n\n## FIRST-1 Do the first thing\n\nBecause.\n"
        }
        for (path, text) in files { all[path] = text }
        for (path, text) in all { try write(text, to: path) }
    }

    /// A copy of a fixture folder from Tests/HandbookKitTests/Fixtures.
    init(fixture name: String) throws {
        temporary = try TemporaryFolder("handbook-test-")
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/" + name, toPath: content)
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: content + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func build(strict: Bool = false, output: String? = nil) async -> BuildReport {
        await HandbookBuilder.build(
            BuildOptions(content: content, templates: templates, output: output ?? self.output, strict: strict))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output + "/" + path)
    }

    func index() throws -> HandbookIndex {
        try JSONDecoder().decode(HandbookIndex.self, from: Data(contentsOf: URL(fileURLWithPath: output + "/handbook.json")))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

extension BuildReport {
    /// Diagnostics with a given code.
    func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}

/// Every file below a folder, as relative path to contents.
/// Staging or old folders a build left beside `output` (its lock file stays, by design).
func leftovers(beside output: String) throws -> [String] {
    let name = (output as NSString).lastPathComponent
    return try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent)
        .filter { $0.hasPrefix(".\(name).handbook-") && $0 != ".\(name).handbook-lock" }
}

func folderContents(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
    while let relative = enumerator.nextObject() as? String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        }
    }
    return files
}
