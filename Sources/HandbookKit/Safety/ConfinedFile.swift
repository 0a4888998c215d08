import Foundation
import HandbookMarkdown

#if canImport(Glibc)
    import Glibc
#endif

/// A file to be read only if it lies inside a folder. The check is made on the open
/// descriptor, not on the name: whatever a path held when the content was scanned, the file
/// actually read is the one whose real location (`/proc/self/fd`) is inside the folder, so a
/// file swapped for a link to somewhere else in the meantime is refused, not read. Only
/// regular files are read (a pipe would block, a device would never end), up to a size limit.
struct ConfinedFile: Sendable, Hashable {
    enum Failure: Error, Equatable {
        case missing
        case outside
        case notRegularFile
        case tooLarge(limit: Int)
        case unreadable(reason: String)
    }

    let path: String
    /// The real path of the folder the file must be inside; nil for a file the user named on
    /// the command line, which may be anywhere.
    let root: String?

    init(path: String, root: String?) {
        self.path = path
        self.root = root
    }

    /// The real path of `folder`, symbolic links resolved, as `root` wants it.
    static func realFolder(_ folder: String) -> String {
        URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
    }

    func read(maxBytes: Int) throws(Failure) -> Data {
        // Non-blocking, so that opening a pipe does not wait for a writer; it makes no
        // difference to reading a regular file.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR || code == ELOOP ? .missing : .unreadable(reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile }
        if let root {
            guard let real = Self.realPath(of: descriptor), real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw .outside
            }
        }
        guard Int(status.st_size) <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        // Read to the end, not to the size seen: a file that grows meanwhile is still bounded.
        var data = Data(count: Int(status.st_size) + 1)
        var length = 0
        while true {
            if length == data.count {
                guard data.count <= maxBytes else { throw .tooLarge(limit: maxBytes) }
                data.count = min(maxBytes + 1, data.count * 2)
            }
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + length, buffer.count - length)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            length += count
        }
        guard length <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        data.count = length
        return data
    }

    /// Where the open file really is, from the kernel.
    private static func realPath(of descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The diagnostic for a failure to read this file, which is `what` (a chapter, a media file).
    func diagnostic(_ failure: Failure, what: String, location: SourceLocation) -> Diagnostic {
        switch failure {
        case .missing:
            .error(
                .fileUnreadable, at: location, "cannot read this \(what): it does not exist (a broken link?)",
                suggestion: "check that it exists, or remove the link")
        case .outside:
            .error(
                .contentOutside, at: location, "this \(what) is a link to a file outside the content folder, which is not read",
                suggestion: "copy the file into the content folder instead of linking to it")
        case .notRegularFile:
            .error(
                .fileNotRegular, at: location, "this \(what) is not a regular file (a folder, pipe or device?), so it is not read",
                suggestion: "replace it with an ordinary file")
        case .tooLarge(let limit):
            .error(
                .fileTooLarge, at: location, "this \(what) is larger than the limit of \(ByteCount.label(limit))",
                suggestion: "split it into smaller files")
        case .unreadable(let reason):
            .error(
                .fileUnreadable, at: location, "cannot read this \(what): \(reason)",
                suggestion: "check that you may read it")
        }
    }
}
