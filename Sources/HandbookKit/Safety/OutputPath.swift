import Foundation

/// The one check every file the build writes goes through: a path from the output folder's
/// root made of plain names, so that no identifier, slug or file name, from the content or
/// from a previous edition's record, can lead a write outside the folder.
enum OutputPath {
    struct Invalid: Error, LocalizedError {
        var path: String
        var reason: String
        var errorDescription: String? { "refused to write '\(Quoted.text(path))': \(reason)" }
    }

    static func check(_ path: String) throws(Invalid) {
        if let reason = problem(with: path) { throw Invalid(path: path, reason: reason) }
    }

    /// Why `path` may not be written, or nil when it may.
    static func problem(with path: String) -> String? {
        let bytes = path.utf8
        guard !bytes.isEmpty else { return "the path is empty" }
        guard bytes.count <= InputLimits.outputPathBytes else {
            return "the path is longer than \(InputLimits.outputPathBytes) bytes"
        }
        guard bytes.first != UInt8(ascii: "/") else { return "the path is absolute" }
        for name in path.split(separator: "/", omittingEmptySubsequences: false) {
            if name.isEmpty { return "the path has an empty name" }
            if name == "." || name == ".." { return "the path has a '\(name)' name" }
            if name.utf8.count > InputLimits.outputNameBytes {
                return "a name in the path is longer than \(InputLimits.outputNameBytes) bytes"
            }
            if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) {
                return "the path holds a control character or a backslash"
            }
        }
        return nil
    }
}
