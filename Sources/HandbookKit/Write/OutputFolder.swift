import CFileSystem
import Foundation
import HandbookMarkdown

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder, written as a whole: pages go into a staging folder beside it, which
/// replaces it only when everything is written. A failed build leaves the old one as it was.
struct OutputFolder: Sendable {
    let path: String

    init(path: String) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    var parent: String { (path as NSString).deletingLastPathComponent }
    var name: String { (path as NSString).lastPathComponent }

    /// An error when the folder exists and is not one this tool wrote: it is never replaced.
    func ownershipProblem() -> Diagnostic? {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        let location = SourceLocation(file: DisplayPath.of(path))
        guard isFolder.boolValue else {
            return .error(
                .outputNotFolder, at: location, "the output path is a file, not a folder",
                suggestion: "choose another --output")
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty || entries.contains(SiteLayout.marker) { return nil }
        return .error(
            .outputNotOurs, at: location,
            "the output folder is not empty and was not written by handbook, so it is left alone",
            suggestion: "choose an empty or new folder with --output, or empty this one yourself")
    }

    /// Removes the staging and old folders that builds killed before they finished left beside
    /// the output. Only called with the output's lock held, so no running build owns them.
    func removeLeftovers() {
        let prefixes = [".\(name).handbook-tmp-", ".\(name).handbook-old-"]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where prefixes.contains(where: entry.hasPrefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// Creates a new, empty staging folder beside the output folder; the files whose bytes are
    /// those of the current output are linked to it rather than written (`PreviousOutput`).
    func makeStaging(writes: WriteLog? = nil) throws -> SiteFolder {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = "\(parent)/.\(name).handbook-tmp-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        return SiteFolder(path: staging, writes: writes, previous: PreviousOutput(path: path), isStaging: true)
    }

    /// Puts the staging folder in the output's place in one step, then removes the old output.
    func replace(with staging: SiteFolder) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) {
            let result = handbook_exchange_paths(staging.path, path)
            if result == 0 {
                try? fileManager.removeItem(atPath: staging.path)
                return
            }
            // No atomic exchange on this file system: move the old folder aside first.
            let aside = "\(parent)/.\(name).handbook-old-\(UUID().uuidString.prefix(8))"
            try fileManager.moveItem(atPath: path, toPath: aside)
            do {
                try fileManager.moveItem(atPath: staging.path, toPath: path)
            } catch {
                try? fileManager.moveItem(atPath: aside, toPath: path)
                throw error
            }
            try? fileManager.removeItem(atPath: aside)
        } else {
            try fileManager.moveItem(atPath: staging.path, toPath: path)
        }
    }
}
