import Foundation
import Testing

/// The folders of `Sources/HandbookKit` are layers: a folder may use the types of the folders
/// before it in `order`, never those after it, so the pipeline reads one way. Targets enforce
/// this between modules; inside the module, this test does, from the source text.
@Suite("Architecture: the pipeline's folders only look backwards")
struct LayerOrderTests {
    static let order = [
        "Diagnostics", "Safety", "Model", "Write", "Load", "Parse", "Resolve", "Compare", "Search", "Render", "Editions",
        "Pipeline", "Starter",
    ]

    private static let kit = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/HandbookKit")

    /// Every Swift file of the module, by its top folder.
    private static func sources() throws -> [(folder: String, name: String, text: String)] {
        let files = FileManager.default.enumerator(atPath: kit.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".swift") }.map { path in
            let text = try String(contentsOf: kit.appendingPathComponent(path), encoding: .utf8)
            // Comments name other types freely; only code counts.
            let code = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
                .joined(separator: "\n")
            return (String(path.split(separator: "/")[0]), path, code)
        }
    }

    /// The types each folder declares at the top level.
    private static func declarations(in files: [(folder: String, name: String, text: String)]) throws -> [String: String] {
        let declaration = try Regex(#"(?m)^(?:public |package |final |private |fileprivate )*(?:struct|enum|class|protocol|actor) ([A-Z][A-Za-z0-9]*)"#)
        var folders: [String: String] = [:]
        for file in files {
            for match in file.text.matches(of: declaration) {
                if let name = match.output[1].substring { folders[String(name)] = file.folder }
            }
        }
        return folders
    }

    /// Uses of a type of a later folder, as "folder/file uses Type (Folder)".
    static func backwardUses(in files: [(folder: String, name: String, text: String)], declared: [String: String]) throws -> [String] {
        let word = try Regex(#"\b[A-Z][A-Za-z0-9_]*\b"#)
        var found: [String] = []
        for file in files {
            guard let layer = order.firstIndex(of: file.folder) else { continue }
            let words = Set(file.text.matches(of: word).map { String(file.text[$0.range]) })
            for type in words.sorted() {
                guard let folder = declared[type], let other = order.firstIndex(of: folder), other > layer else { continue }
                found.append("\(file.name) uses \(type) (\(folder))")
            }
        }
        return found
    }

    @Test("every folder is in the order, and none uses a type of a folder after it")
    func noBackwardUses() throws {
        let files = try Self.sources()
        #expect(files.count > 50, "the sources were not found at \(Self.kit.path)")
        let folders = Set(files.map(\.folder)).filter { !$0.hasSuffix(".swift") }
        #expect(folders.subtracting(Self.order).isEmpty, "folders missing from the order: \(folders.subtracting(Self.order).sorted())")
        #expect(try Self.backwardUses(in: files, declared: Self.declarations(in: files)) == [])
    }

    @Test("the check finds a use that goes backwards")
    func findsBackwardUse() throws {
        let files: [(folder: String, name: String, text: String)] = [
            ("Model", "Model/Rule.swift", "struct Rule { var page: ResolvedPage; var site: SiteRenderer }"),
            ("Render", "Render/SiteRenderer.swift", "struct SiteRenderer { var rule: Rule }"),
        ]
        let declared = try Self.declarations(in: files)
        #expect(declared == ["Rule": "Model", "SiteRenderer": "Render"])
        #expect(try Self.backwardUses(in: files, declared: declared) == ["Model/Rule.swift uses SiteRenderer (Render)"])
    }
}
