import Foundation
import Testing
@testable import HandbookKit

@Suite("Reading files confined to a folder")
struct ConfinedFileTests {
    /// Removed when the test ends, with this instance of the suite.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    var root: String { folder + "/content" }

    init() throws {
        temporary = try TemporaryFolder("handbook-confined-")
        try FileManager.default.createDirectory(atPath: root + "/media", withIntermediateDirectories: true)
        try "inside".write(toFile: root + "/media/a.txt", atomically: true, encoding: .utf8)
        try "secret".write(toFile: folder + "/secret.txt", atomically: true, encoding: .utf8)
    }

    func confined(_ path: String) -> ConfinedFile {
        ConfinedFile(path: root + "/" + path, root: ConfinedFile.realFolder(root))
    }

    @Test("a file inside is read, and a link that stays inside is followed")
    func inside() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: root + "/b.txt", withDestinationPath: "media/a.txt")
        #expect(try confined("media/a.txt").read(maxBytes: 100) == Data("inside".utf8))
        #expect(try confined("b.txt").read(maxBytes: 100) == Data("inside".utf8))
    }

    @Test("a file swapped for a link to somewhere else after it was found is refused, by what the descriptor opened")
    func swapped() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = confined("media/a.txt")
        try FileManager.default.removeItem(atPath: file.path)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: folder + "/secret.txt")
        #expect(throws: ConfinedFile.Failure.outside) { try file.read(maxBytes: 100) }
        // The same through a folder swapped for a link.
        try FileManager.default.removeItem(atPath: root + "/media")
        try FileManager.default.createSymbolicLink(atPath: root + "/media", withDestinationPath: folder)
        #expect(throws: ConfinedFile.Failure.outside) { try confined("media/secret.txt").read(maxBytes: 100) }
        let staging = SiteFolder(path: folder)
        #expect(throws: (any Error).self) { try staging.copy(from: confined("media/secret.txt"), to: "copied.txt") }
        #expect(!FileManager.default.fileExists(atPath: folder + "/copied.txt"))
    }

    @Test("a pipe is refused at once, without waiting for a writer; a folder and a missing file are refused")
    func notRegular() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(root + "/pipe.md", 0o644) == 0)
        #expect(throws: ConfinedFile.Failure.notRegularFile) { try confined("pipe.md").read(maxBytes: 100) }
        #expect(throws: ConfinedFile.Failure.notRegularFile) { try confined("media").read(maxBytes: 100) }
        #expect(throws: ConfinedFile.Failure.missing) { try confined("none.md").read(maxBytes: 100) }
    }

    @Test("a file over the limit is refused")
    func limit() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: ConfinedFile.Failure.tooLarge(limit: 5)) { try confined("media/a.txt").read(maxBytes: 5) }
        #expect(try confined("media/a.txt").read(maxBytes: 6).count == 6)
    }

    @Test("a file named on the command line may be anywhere")
    func unconfined() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ConfinedFile(path: folder + "/secret.txt", root: nil).read(maxBytes: 100) == Data("secret".utf8))
    }
}
