import CFileSystem
import Foundation
import HandbookMarkdown

/// A folder the site is written into: a staging folder for a whole build, or, for the rebuilds
/// of `handbook serve`, the output folder itself, where a `WriteLog` skips the files whose bytes
/// have not changed and each file is replaced in one step, so the server never reads half a file.
package struct SiteFolder: Sendable {
    package let path: String
    var writes: WriteLog?
    /// For a staging folder: the output it replaces, whose unchanged files are kept.
    var previous: PreviousOutput?
    /// For the output folder rebuilt in place: where changed files wait until all are written.
    var pending: PendingWrites?
    /// A staging folder, which nothing reads until it replaces the output whole.
    var isStaging = false

    /// A folder written without a record of what was written: the fuzz target's, the tests'.
    package init(path: String) {
        self.init(path: path, writes: nil)
    }

    init(path: String, writes: WriteLog?, previous: PreviousOutput? = nil, pending: PendingWrites? = nil, isStaging: Bool = false) {
        self.path = path
        self.writes = writes
        self.previous = previous
        self.pending = pending
        self.isStaging = isStaging
    }

    /// The text's bytes are written where they are, not copied into a `Data` first: the print
    /// edition is the whole handbook in one page.
    func write(_ contents: String, to relativePath: String, scope: WriteLog.Scope = .pages) throws {
        var contents = contents
        try contents.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return try write(Data(), to: relativePath, scope: scope) }
            // Only borrowed for this call: nothing keeps the data once it returns.
            try write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: start), count: bytes.count, deallocator: .none), to: relativePath, scope: scope)
        }
    }

    func write(_ data: Data, to relativePath: String, scope: WriteLog.Scope = .pages) throws {
        try OutputPath.check(relativePath)
        // A path, not a URL: making a file URL asks the disk whether it is a folder.
        let file = path + "/" + relativePath
        if isStaging || previous != nil {
            // A file written twice in one build may be a link to the old output by now, which
            // must not be written through: the old output stays as it was until replaced.
            if previous != nil { unlink(file) }
            _ = writes?.produce(relativePath, data, scope: scope)
            // No file of a staging folder needs replacing in one step, nor syncing: without an
            // old output, `serve`'s first build wrote each page atomically, with a sync, which
            // took five times as long as the build itself on a journaled disk.
            if previous?.keep(relativePath, sameAs: data, in: path) != true { try Self.writeFile(data, to: file) }
            return
        }
        guard let writes else {
            try Self.writeFile(data, to: file)
            return
        }
        guard writes.produce(relativePath, data, scope: scope) else { return }
        do {
            if let pending {
                try Self.writeFile(data, to: pending.temporaryPath(for: file))
            } else {
                try data.write(to: URL(fileURLWithPath: file, isDirectory: false), options: .atomic)
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

    /// Where an edition made whole on the side (the EPUB, handbook.json) is written before
    /// `place` puts it at `relativePath`: hidden, so that `files()` does not list it.
    func madePath(for relativePath: String) -> String {
        path + "/." + relativePath + ".made"
    }

    /// Puts the file made at `madePath(for: relativePath)` in its place, replacing any file there
    /// in one step (rename(2), unlike FileManager.moveItem), and records it in `scope`.
    func place(_ relativePath: String, scope: WriteLog.Scope) throws {
        try OutputPath.check(relativePath)
        guard rename(madePath(for: relativePath), path + "/" + relativePath) == 0 else {
            throw CocoaError.fileWriteError(path: path + "/" + relativePath)
        }
        keepIfUnchanged(relativePath)
        writes?.keep([relativePath], scope: scope)
    }

    /// Removes the files an earlier build of this folder wrote in `scope` and this one did not.
    func removeFilesNoLongerProduced(in scope: WriteLog.Scope) {
        guard let writes else { return }
        for file in writes.filesNoLongerProduced(in: scope) {
            try? FileManager.default.removeItem(atPath: path + "/" + file)
        }
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func size(of relativePath: String) throws -> Int {
        try OutputPath.check(relativePath)
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + relativePath)
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Every file written so far, as sorted paths from the folder's root, hidden ones left out.
    /// Through readdir(3)'s file types: FileManager's enumerator and a stat of each file cost a
    /// third of a second for the 14,000 files of a 1,000-chapter site, and the offline copy and
    /// the service worker each list the folder.
    func files() throws -> [String] {
        var files: [String] = []
        Self.listFiles(in: path, under: "", into: &files)
        return files.sorted()
    }

    private static func listFiles(in folder: String, under prefix: String, into files: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let type = Int32(entry.pointee.d_type)
            if type == Int32(DT_DIR) {
                listFiles(in: folder + "/" + name, under: prefix + name + "/", into: &files)
            } else if type == Int32(DT_REG) {
                files.append(prefix + name)
            } else {
                // A link, or a file system that leaves the type to a stat: a folder is listed
                // only when it is one itself, never through a link.
                var status = stat()
                guard lstat(folder + "/" + name, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    listFiles(in: folder + "/" + name, under: prefix + name + "/", into: &files)
                } else if status.st_mode & S_IFMT != S_IFLNK || (stat(folder + "/" + name, &status) == 0 && status.st_mode & S_IFMT != S_IFDIR) {
                    files.append(prefix + name)
                }
            }
        }
    }
}
