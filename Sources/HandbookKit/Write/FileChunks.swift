import Foundation

/// A file read a piece at a time, for what only streams through its bytes (a hash, an
/// archive): the print edition of a large handbook is hundreds of megabytes, which read whole
/// would sit in memory beside everything else of the build. Read with open(2) and read(2) into
/// one buffer the size of the file or of a piece: through `FileHandle` each of the thousands of
/// pages of a site cost a `stat` for its URL, another with its extended attributes for its size,
/// and a new buffer of a megabyte.
enum FileChunks {
    static let pieceBytes = 1 << 20

    /// Tells `size` the size of the file at `path`, then hands each piece of it to `body`, in
    /// order; throws if the file does not have that many bytes.
    static func read(
        _ path: String, size: (Int) throws -> Void = { _ in }, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError.fileReadError(path: path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CocoaError.fileReadError(path: path) }
        let total = Int(status.st_size)
        try size(total)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(total, pieceBytes)), alignment: 1)
        defer { buffer.deallocate() }
        var read = 0
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw CocoaError.fileReadError(path: path)
            }
            if count == 0 { break }
            read += count
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        guard read == total else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path) changed while it was read"])
        }
    }
}
