import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One build at a time per output folder: a lock on a file beside the folder
/// (`.Site.handbook-lock`), held while a build writes. A second build started meanwhile waits
/// for the first to finish. The kernel releases the lock when its process ends, however it ends,
/// so a killed build never leaves the folder locked.
final class OutputLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock on `output`, calling `waiting` first when another build holds it.
    init(output: OutputFolder, waiting: () -> Void) throws {
        try FileManager.default.createDirectory(atPath: output.parent, withIntermediateDirectories: true)
        let path = "\(output.parent)/.\(output.name).handbook-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(descriptor)
                    throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
                }
            }
        }
    }

    deinit {
        close(descriptor)
    }
}
