import Foundation

/// What stat(2) says of a file, following links: which file it is, its size, and when its
/// contents and its status last changed. Equal stamps mean the same bytes, short of two writes
/// of the same length within one tick of a coarse file system clock (kernels before 6.13 on
/// most file systems), which no one saving by hand makes. The status change time catches
/// what the modification time does not: a file renamed over another keeps its modification
/// time, and `touch -d` sets it back, but both set the change time.
package struct FileStamp: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var changedSeconds: Int
    var changedNanoseconds: Int

    /// Nil when there is no such file, or it cannot be looked at.
    package init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    package init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int(status.st_size)
        #if canImport(Darwin)
            let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
            let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        modifiedSeconds = Int(modified.tv_sec)
        modifiedNanoseconds = Int(modified.tv_nsec)
        changedSeconds = Int(changed.tv_sec)
        changedNanoseconds = Int(changed.tv_nsec)
    }
}
