import Foundation
import ZIPFoundation

/// `handbook-offline.zip`: the site itself, to unzip and open from the disk. It holds everything
/// but itself and the EPUB, with a fixed date on every entry so that builds are reproducible.
enum OfflineArchive {
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01

    static func write(from staging: SiteFolder, folderName: String) throws -> Int {
        let files = try staging.files().filter { $0 != SitePaths.offlineArchive && $0 != SitePaths.epub }
        let temporary = staging.path + "/.\(SitePaths.offlineArchive).tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        let archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: staging.path + "/" + file))
            try archive.addEntry(
                with: folderName + "/" + file, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let destination = staging.path + "/" + SitePaths.offlineArchive
        try? FileManager.default.removeItem(atPath: destination)
        try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        let attributes = try FileManager.default.attributesOfItem(atPath: destination)
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
}
