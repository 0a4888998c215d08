import CArchive
import Foundation

/// `handbook-offline.zip`: the site itself, to unzip and open from the disk. It holds what a
/// reader opens there (`holds`), with a fixed date on every entry so that builds are
/// reproducible.
///
/// Written with libarchive, which streams each file once: ZIPFoundation's `addEntry` reads and
/// writes back the whole central directory for every file added, so its time grew with the
/// square of the number of files (16 s for a site of 14,000 files).
enum OfflineArchive {
    /// Every entry's date: the Unix epoch. A ZIP stores dates in local time, so any later date
    /// would give different bytes in different time zones; libarchive writes dates before 1980,
    /// which ZIP cannot hold, as 1980-01-01 00:00 whatever the zone, and the epoch as 0 in the
    /// extended timestamp.
    static let fixedDate = 0

    struct Failure: Error, LocalizedError {
        var message: String
        var errorDescription: String? { "could not write \(SiteLayout.offlineArchive): \(message)" }
    }

    /// The folder the archive unpacks into, named after the handbook whatever the output is
    /// called: its title's slug, at most 64 characters, or "handbook".
    static func folderName(title: String) -> String {
        var slug = HeadingSlugger.baseSlug(String(title.prefix(InputLimits.titleCharacters)))
        if slug.utf8.count > 64 {
            slug = String(String.UnicodeScalarView(slug.unicodeScalars.prefix(64)))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return ContentInventory.isSlug(slug) ? slug : "handbook"
    }

    /// Whether the archive holds the file at `path`. Not what only a web server or another
    /// program uses: the embeds and their oEmbed files (for intranet pages), the JSON copies
    /// (handbook.json, its schema, the search index's JSON, which pages read from the
    /// disk as scripts), the sitemap, the page for a missing address (which only a server shows), the service worker (not registered from the disk), the
    /// EPUB (a download of its own), and the archive itself. Left out, they made the archive
    /// half again as large and its writing twice as long.
    static func holds(_ path: String) -> Bool {
        !excluded.contains(path) && !path.hasPrefix(SiteLayout.embedFolder + "/")
            && !path.hasPrefix(SiteLayout.oembedFolder + "/")
    }

    private static let excluded: Set<String> = [
        SiteLayout.offlineArchive, SiteLayout.epub, SiteLayout.serviceWorker, SiteLayout.handbookIndex,
        SiteLayout.handbookSchema, SiteLayout.searchIndexJSON, SiteLayout.sitemap, SiteLayout.marker,
        SiteLayout.notFound,
    ]

    /// Whether the editions write the file, so that it is added to the archive only once they
    /// have: the list of all rules, the previews, the print edition and the search index's
    /// scripts. The home page is added last too, in the form the archive holds.
    static func isWrittenLate(_ path: String) -> Bool {
        path == SiteLayout.rulesIndex || path == SiteLayout.rulePreviews || path == SiteLayout.print
            || path == SiteLayout.searchIndexScript || SiteLayout.isSearchIndexPart(path) || path == SiteLayout.home
    }

    /// An archive being written into `.handbook-offline.zip.tmp` in the site's folder, entry by
    /// entry: the pages while the other editions are made, the rest once they are written.
    /// Used by one thread at a time (made, then written), as an edition's made part is.
    final class Writer: @unchecked Sendable {
        private let archive: OpaquePointer
        private let folder: String
        private let folderName: String
        private var closed = false

        private var temporary: String { folder + "/.\(SiteLayout.offlineArchive).tmp" }

        init(folder: String, folderName: String) throws {
            guard let archive = archive_write_new() else { throw Failure(message: "libarchive could not start") }
            self.archive = archive
            self.folder = folder
            self.folderName = folderName
            try? FileManager.default.removeItem(atPath: temporary)
            try check(archive_write_set_format_zip(archive))
            // Level 1 of 9: higher levels cost several times the time for a few per cent of size.
            try check(archive_write_set_options(archive, "zip:compression=deflate,zip:compression-level=1"))
            try check(archive_write_open_filename(archive, temporary))
        }

        deinit {
            archive_write_free(archive)
        }

        /// Adds `files` (paths in the site's folder), with `replacing`'s text in place of those
        /// files' own.
        func add(_ files: [String], replacing: [String: String] = [:]) throws {
            for file in files {
                let name = folderName + "/" + file
                // Debian's libarchive 3.6.2 overflows a 64 KiB buffer on longer names; every name is
                // a checked output path under a short folder, so this never fails in practice.
                guard name.utf8.count <= InputLimits.outputPathBytes + 128 else {
                    throw Failure(message: "an entry's name is longer than \(InputLimits.outputPathBytes + 128) bytes")
                }
                guard let entry = archive_entry_new() else { throw Failure(message: "libarchive could not make an entry") }
                defer { archive_entry_free(entry) }
                func header(size: Int) throws {
                    archive_entry_set_pathname_utf8(entry, name)
                    archive_entry_set_size(entry, la_int64_t(size))
                    archive_entry_set_filetype(entry, UInt32(Glibc.S_IFREG))
                    archive_entry_set_perm(entry, 0o644)
                    archive_entry_set_mtime(entry, time_t(fixedDate), 0)
                    try check(archive_write_header(archive, entry))
                }
                func write(_ bytes: UnsafeRawBufferPointer) throws {
                    let written = archive_write_data(archive, bytes.baseAddress, bytes.count)
                    guard written == bytes.count else {
                        throw Failure(message: archive_error_string(archive).map { String(cString: $0) } ?? "short write of \(name)")
                    }
                }
                if var replacement = replacing[file] {
                    try header(size: replacement.utf8.count)
                    try replacement.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
                } else {
                    // Read in pieces: the print edition alone can be hundreds of megabytes.
                    try FileChunks.read(folder + "/" + file, size: header, write)
                }
            }
        }

        /// Completes the archive and puts it in its place; returns its size.
        func finish() throws -> Int {
            try check(archive_write_close(archive))
            let destination = folder + "/" + SiteLayout.offlineArchive
            try? FileManager.default.removeItem(atPath: destination)
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
            let attributes = try FileManager.default.attributesOfItem(atPath: destination)
            return (attributes[.size] as? NSNumber)?.intValue ?? 0
        }

        private func check(_ status: Int32) throws {
            guard status == ARCHIVE_OK else {
                throw Failure(message: archive_error_string(archive).map { String(cString: $0) } ?? "error \(status)")
            }
        }
    }
}
