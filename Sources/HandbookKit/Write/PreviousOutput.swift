import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder a whole build replaces. A file whose bytes have not changed since that
/// build is not written again: the staging folder gets a hard link to the old file, so the new
/// site keeps its inode and modification time (rsync and deploy tools see it unchanged) while
/// the output is still replaced in one step. Only regular files are ever linked, never a
/// symbolic link someone left in the output folder.
struct PreviousOutput: Sendable {
    let path: String

    /// The output folder, when there is one to compare with.
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        self.path = path
    }

    /// Links `relativePath` of the old output into `staging` when it holds exactly `data`;
    /// false when the file must be written.
    func keep(_ relativePath: String, sameAs data: Data, in staging: String) -> Bool {
        guard let old = contents(of: path + "/" + relativePath, expectedSize: data.count), old == data else { return false }
        return link(path + "/" + relativePath, staging + "/" + relativePath) == 0
    }

    /// For a file already written into `staging` (the EPUB, the offline archive): when the old
    /// output holds the same bytes, the new file is replaced by a link to the old one.
    func keepIfUnchanged(_ relativePath: String, in staging: String) {
        let new = staging + "/" + relativePath
        guard Self.sameBytes(new, path + "/" + relativePath) else { return }
        let replacement = new + ".handbook-link"
        guard link(path + "/" + relativePath, replacement) == 0 else { return }
        if rename(replacement, new) != 0 { unlink(replacement) }
    }

    /// The size of a regular file of the old output, if it has one.
    func size(of relativePath: String) -> Int? {
        var status = stat()
        guard lstat(path + "/" + relativePath, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Whether two regular files hold the same bytes, compared a piece at a time: the files
    /// kept this way (handbook.json, the archive, the EPUB) can be hundreds of megabytes each.
    private static func sameBytes(_ first: String, _ second: String) -> Bool {
        let files: [Int32] = [open(first, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), open(second, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)]
        defer { for file in files where file >= 0 { close(file) } }
        let sizes = files.map { file -> Int? in
            var status = stat()
            guard file >= 0, fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            return Int(status.st_size)
        }
        guard let size = sizes[0], sizes[1] == size else { return false }
        var pieces = [[UInt8]](repeating: [UInt8](repeating: 0, count: min(size, FileChunks.pieceBytes)), count: 2)
        var compared = 0
        while compared < size {
            let count = min(size - compared, FileChunks.pieceBytes)
            for index in 0..<2 {
                let complete = pieces[index].withUnsafeMutableBytes { buffer -> Bool in
                    var offset = 0
                    while offset < count {
                        let read = Glibc.read(files[index], buffer.baseAddress! + offset, count - offset)
                        if read <= 0 { return false }
                        offset += read
                    }
                    return true
                }
                guard complete else { return false }
            }
            guard pieces[0][0..<count] == pieces[1][0..<count] else { return false }
            compared += count
        }
        return true
    }

    /// The bytes of a regular file, or nil when it is missing, not a regular file, or not of
    /// `expectedSize` (which saves reading a file that changed size).
    private func contents(of file: String, expectedSize: Int?) -> Data? {
        let descriptor = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if let expectedSize, size != expectedSize { return nil }
        var data = Data(count: size)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < size {
                let count = read(descriptor, buffer.baseAddress! + offset, size - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        return complete ? data : nil
    }
}
