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
                "output.notFolder", at: location, "the output path is a file, not a folder",
                suggestion: "choose another --output")
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty || entries.contains(SitePaths.marker) { return nil }
        return .error(
            "output.notOurs", at: location,
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
        return SiteFolder(path: staging, writes: writes, previous: PreviousOutput(path: path))
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

/// A folder the site is written into: a staging folder for a whole build, or, for the rebuilds
/// of `handbook serve`, the output folder itself, where a `WriteLog` skips the files whose bytes
/// have not changed and each file is replaced in one step, so the server never reads half a file.
struct SiteFolder: Sendable {
    let path: String
    var writes: WriteLog?
    /// For a staging folder: the output it replaces, whose unchanged files are kept.
    var previous: PreviousOutput?
    /// For the output folder rebuilt in place: where changed files wait until all are written.
    var pending: PendingWrites?

    init(path: String, writes: WriteLog? = nil, previous: PreviousOutput? = nil, pending: PendingWrites? = nil) {
        self.path = path
        self.writes = writes
        self.previous = previous
        self.pending = pending
    }

    func write(_ contents: String, to relativePath: String, scope: WriteLog.Scope = .pages) throws {
        try write(Data(contents.utf8), to: relativePath, scope: scope)
    }

    func write(_ data: Data, to relativePath: String, scope: WriteLog.Scope = .pages) throws {
        try OutputPath.check(relativePath)
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        if let previous {
            // A file written twice in one build may be a link to the old output by now, which
            // must not be written through: the old output stays as it was until replaced.
            unlink(url.path)
            _ = writes?.produce(relativePath, data, scope: scope)
            if !previous.keep(relativePath, sameAs: data, in: path) { try Self.writeFile(data, to: url.path) }
            return
        }
        guard let writes else {
            try Self.writeFile(data, to: url.path)
            return
        }
        guard writes.produce(relativePath, data, scope: scope) else { return }
        do {
            if let pending {
                try Self.writeFile(data, to: pending.temporaryPath(for: url.path))
            } else {
                try data.write(to: url, options: .atomic)
            }
        } catch {
            writes.forget(relativePath)
            throw error
        }
    }

    /// Writes a new file of the staging folder. Foundation's `Data.write` syncs every file to the
    /// disk, which for the thousands of pages of a big handbook took more time than rendering
    /// them; a staging folder needs no sync, as it replaces the output only when it is whole.
    private static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw CocoaError.fileWriteError(path: path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError.fileWriteError(path: path)
                }
                offset += count
            }
        }
    }

    /// For a file written by other means (an archive): linked to the old output's when equal.
    func keepIfUnchanged(_ relativePath: String) {
        guard OutputPath.problem(with: relativePath) == nil else { return }
        previous?.keepIfUnchanged(relativePath, in: path)
    }

    func makeFolder(_ relativePath: String) throws {
        try OutputPath.check(relativePath)
        try FileManager.default.createDirectory(
            atPath: path + "/" + relativePath, withIntermediateDirectories: true)
    }

    /// Copies a file of the content folder, creating the folders above it. The file is read
    /// through `ConfinedFile`, so a file swapped for a link to somewhere else since the content
    /// was scanned is refused rather than published.
    func copy(from source: ConfinedFile, to relativePath: String) throws {
        try OutputPath.check(relativePath)
        let destination = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try write(try source.read(maxBytes: InputLimits.mediaBytes), to: relativePath)
    }

    /// Removes the files an earlier build of this folder wrote in `scope` and this one did not.
    func removeFilesNoLongerProduced(in scope: WriteLog.Scope) {
        guard let writes else { return }
        for file in writes.filesNoLongerProduced(in: scope) {
            try? FileManager.default.removeItem(atPath: path + "/" + file)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func size(of relativePath: String) throws -> Int {
        try OutputPath.check(relativePath)
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + relativePath)
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Every file written so far, as sorted paths from the folder's root.
    func files() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue,
                !(relative as NSString).lastPathComponent.hasPrefix(".")
            {
                files.append(relative)
            }
        }
        return files.sorted()
    }
}

extension CocoaError {
    /// A write failure with the reason from `errno`, as Foundation's own would say it.
    static func fileWriteError(path: String) -> CocoaError {
        let code = errno
        let reason = String(cString: strerror(code))
        return CocoaError(
            code == EACCES || code == EPERM || code == EROFS ? .fileWriteNoPermission
                : code == ENOSPC ? .fileWriteOutOfSpace : .fileWriteUnknown,
            userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path): \(reason)"])
    }
}
