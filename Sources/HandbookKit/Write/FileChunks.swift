import Foundation

/// A file read a piece at a time, for what only streams through its bytes (a hash, an
/// archive): the print edition of a large handbook is hundreds of megabytes, which read whole
/// would sit in memory beside everything else of the build.
enum FileChunks {
    static let pieceBytes = 1 << 20

    /// Hands each piece of the file at `path` to `body`, in order.
    static func read(_ path: String, _ body: (Data) throws -> Void) throws {
        let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? file.close() }
        while let piece = try file.read(upToCount: pieceBytes), !piece.isEmpty {
            try body(piece)
        }
    }

    static func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }
}
