import Foundation
import Testing
@testable import HandbookKit

@Suite("SiteTransaction")
struct SiteTransactionTests {
    /// Runs `body` with the path of an output folder, `Site`, in a fresh temporary folder that
    /// is removed when it ends; the output folder holds `files` (path: text) when given.
    private func withOutput(_ files: [String: String]? = nil, _ body: (String) throws -> Void) throws {
        let root = NSTemporaryDirectory() + "handbook-transaction-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Site"
        if let files {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (path, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: output + "/" + path)) }
        }
        try body(output)
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private func inode(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.intValue
    }

    private static let built = [SiteLayout.marker: "built", "old.html": "old", "same.html": "same"]

    @Test("a staged commit replaces the output as a whole, links unchanged files, and leaves no staging folder")
    func stagedCommit() throws {
        try withOutput(Self.built) { path in
            let sameInode = try inode(path + "/same.html")
            let transaction = try SiteTransaction.staged(OutputFolder(path: path), writes: nil)
            let staging = transaction.folder.path
            #expect(staging != path && (staging as NSString).deletingLastPathComponent == (path as NSString).deletingLastPathComponent)
            try transaction.folder.write("built", to: SiteLayout.marker)
            try transaction.folder.write("new", to: "new.html")
            try transaction.folder.write("same", to: "same.html")
            #expect(try folderContents(path).keys.sorted() == [SiteLayout.marker, "old.html", "same.html"], "nothing shows before the commit")

            try transaction.commit()
            #expect(try folderContents(path).keys.sorted() == [SiteLayout.marker, "new.html", "same.html"])
            #expect(try text(path + "/new.html") == "new")
            #expect(try inode(path + "/same.html") == sameInode, "a file whose bytes did not change is the old file")
            #expect(!FileManager.default.fileExists(atPath: staging))
            #expect(try leftovers(beside: path) == [])
        }
    }

    @Test("a staged commit creates an output folder that does not exist yet")
    func stagedFirstBuild() throws {
        try withOutput { path in
            let transaction = try SiteTransaction.staged(OutputFolder(path: path), writes: nil)
            try transaction.folder.write("first", to: "index.html")
            try transaction.commit()
            #expect(try text(path + "/index.html") == "first")
            #expect(try leftovers(beside: path) == [])
        }
    }

    @Test("discarding a staged transaction leaves the output as it was")
    func stagedDiscard() throws {
        try withOutput(Self.built) { path in
            let before = try folderContents(path)
            let transaction = try SiteTransaction.staged(OutputFolder(path: path), writes: nil)
            try transaction.folder.write("new", to: "old.html")
            try transaction.folder.write("new", to: "new.html")
            transaction.discard()
            #expect(try folderContents(path) == before)
            #expect(try leftovers(beside: path) == [])
        }
    }

    @Test("a staged transaction first removes the staging and old folders of killed builds, and nothing else")
    func leftoversRemoved() throws {
        try withOutput(Self.built) { path in
            let parent = (path as NSString).deletingLastPathComponent
            for name in [".Site.handbook-tmp-dead", ".Site.handbook-old-dead", ".Site.other"] {
                try FileManager.default.createDirectory(atPath: parent + "/" + name, withIntermediateDirectories: false)
            }
            let transaction = try SiteTransaction.staged(OutputFolder(path: path), writes: nil)
            defer { transaction.discard() }
            let beside = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".Site.") }
            #expect(beside.sorted() == [".Site.other", (transaction.folder.path as NSString).lastPathComponent].sorted())
        }
    }

    @Test("an in-place commit renames the pending files into place and removes the pages no longer produced")
    func inPlaceCommit() throws {
        try withOutput([SiteLayout.marker: "built"]) { path in
            let output = OutputFolder(path: path)
            let writes = WriteLog()

            writes.begin(.pages)
            let first = try SiteTransaction.inPlace(output, writes: writes)
            try first.folder.write("a1", to: "a.html")
            try first.folder.write("b1", to: "b.html")
            #expect(!FileManager.default.fileExists(atPath: path + "/a.html"), "a file waits beside the output until the commit")
            try first.commit()
            #expect(try text(path + "/a.html") == "a1" && text(path + "/b.html") == "b1")
            #expect(try leftovers(beside: path) == [])

            writes.begin(.pages)
            let second = try SiteTransaction.inPlace(output, writes: writes)
            #expect(second.folder.path == path)
            try second.folder.write("a2", to: "a.html")
            try second.commit()
            #expect(try text(path + "/a.html") == "a2")
            #expect(!FileManager.default.fileExists(atPath: path + "/b.html"), "b.html was not produced again")
            #expect(FileManager.default.fileExists(atPath: path + "/" + SiteLayout.marker), "files no build wrote are left alone")
            #expect(try leftovers(beside: path) == [])

            writes.begin(.pages)
            let third = try SiteTransaction.inPlace(output, writes: writes)
            try third.folder.write("a2", to: "a.html")
            try third.commit()
            #expect(writes.filesWritten == 0, "a file with the same bytes is not written again")
            #expect(try text(path + "/a.html") == "a2")
        }
    }

    @Test("discarding an in-place transaction leaves the output as it was")
    func inPlaceDiscard() throws {
        try withOutput([SiteLayout.marker: "built", "a.html": "a1"]) { path in
            let before = try folderContents(path)
            let writes = WriteLog()
            writes.begin(.pages)
            let transaction = try SiteTransaction.inPlace(OutputFolder(path: path), writes: writes)
            try transaction.folder.write("a2", to: "a.html")
            try transaction.folder.write("new", to: "new.html")
            transaction.discard()
            #expect(try folderContents(path) == before)
            #expect(try leftovers(beside: path) == [])
        }
    }

    @Test("OutputFolder refuses to replace a folder it did not write, or a file")
    func ownership() throws {
        try withOutput { path in
            let output = OutputFolder(path: path)
            #expect(output.ownershipProblem() == nil, "a folder that does not exist")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            #expect(output.ownershipProblem() == nil, "an empty folder")
            try Data("notes".utf8).write(to: URL(fileURLWithPath: path + "/notes.txt"))
            #expect(output.ownershipProblem()?.code == .outputNotOurs)
            #expect(output.ownershipProblem()?.severity == .error)
            try Data().write(to: URL(fileURLWithPath: path + "/" + SiteLayout.marker))
            #expect(output.ownershipProblem() == nil, "a folder with the marker a build writes")
        }
        try withOutput { path in
            try Data("a file".utf8).write(to: URL(fileURLWithPath: path))
            #expect(OutputFolder(path: path).ownershipProblem()?.code == .outputNotFolder)
        }
    }
}
