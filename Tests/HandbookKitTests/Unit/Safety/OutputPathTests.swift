import Foundation
import Testing
@testable import HandbookKit

@Suite("Output paths")
struct OutputPathTests {
    @Test("paths that would leave the output folder, or that no file system or archive takes, are refused", arguments: [
        "", "/etc/passwd", "../index.html", "rules/../../x.html", "rules/./a.html", "rules//a.html", "rules/", "a\\b.html",
        "rules/a\nb.html", "rules/a\u{0}.html", String(repeating: "a", count: 256) + ".html",
        Array(repeating: "folder", count: 200).joined(separator: "/"),
    ])
    func refused(_ path: String) {
        #expect(OutputPath.problem(with: path) != nil, "\(path.debugDescription) was accepted")
        #expect(throws: OutputPath.Invalid.self) { try OutputPath.check(path) }
    }

    @Test("the paths a site is made of are accepted", arguments: [
        "index.html", "rules/CONF-2.1.html", "media/photos/a photo é.png", "assets/handbook.css", "oembed/rules/A-1.json",
    ])
    func accepted(_ path: String) {
        #expect(OutputPath.problem(with: path) == nil)
    }

    @Test("a staging folder refuses to write, copy or make a folder outside itself")
    func siteFolder() throws {
        let root = NSTemporaryDirectory() + "handbook-output-path-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/site", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = SiteFolder(path: root + "/site")
        #expect(throws: OutputPath.Invalid.self) { try folder.write("x", to: "../escaped.html") }
        #expect(throws: OutputPath.Invalid.self) { try folder.makeFolder("../escaped") }
        #expect(!FileManager.default.fileExists(atPath: root + "/escaped.html"))
        #expect(!FileManager.default.fileExists(atPath: root + "/escaped"))
        try folder.write("fine", to: "ok.html")
        #expect(FileManager.default.fileExists(atPath: root + "/site/ok.html"))
    }

    @Test("the offline copy's folder is a short slug of the title, whatever its length")
    func archiveFolderName() {
        #expect(OfflineArchive.folderName(title: "Social media guidance") == "social-media-guidance")
        let long = OfflineArchive.folderName(title: String(repeating: "word ", count: 20_000))
        #expect(long.utf8.count <= 64 && ContentInventory.isSlug(long))
        #expect(OfflineArchive.folderName(title: "日本語") == "handbook")
        #expect(OfflineArchive.folderName(title: "!!!") == "handbook")
    }
}
