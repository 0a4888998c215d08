import CFileSystem
import Foundation
import HandbookMarkdown

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

    /// A read failure with the reason from `errno`.
    static func fileReadError(path: String) -> CocoaError {
        let code = errno
        let reason = String(cString: strerror(code))
        return CocoaError(
            code == EACCES || code == EPERM ? .fileReadNoPermission : code == ENOENT ? .fileReadNoSuchFile : .fileReadUnknown,
            userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path): \(reason)"])
    }
}
