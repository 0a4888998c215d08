import Crypto
import Foundation

/// `sw.js` and `manifest.webmanifest`: what makes the hosted site an installable web app that
/// works offline once it has been opened.
package enum ServiceWorker {
    /// The files precached: what a reader opens, the same files as the offline archive holds
    /// (`OfflineArchive.holds`), with the worker's own manifest. Not the embeds, handbook.json or
    /// the downloads: an installed site fetched every one of them (at 1,000 chapters, 230 MB
    /// where a reader's pages are 80 MB), and hashing them was a serial tenth of the editions.
    static func precaches(_ file: String) -> Bool {
        OfflineArchive.holds(file)
    }

    package static func write(into staging: SiteFolder, templates: TemplateSet) throws {
        let files = try staging.files().filter(precaches)
        // The cache's name changes whenever any file's name or bytes do: it hashes each file's
        // name and digest, the digests made on every core, as this is the last step of a build.
        var hash = SHA256()
        for (file, digest) in zip(files, try digests(of: files, in: staging.path)) {
            hash.update(data: Data(file.utf8))
            hash.update(data: [0])
            hash.update(data: Data(digest))
        }
        // The worker's template sees two values and no author text at all: a hex digest, and
        // the file list as JSON, which is a JavaScript literal wherever the template puts it
        // (`ScriptJSON`). A title in a comment could close the comment and run as code.
        let context: TemplateContext = [
            .cacheVersion: hash.finalize().prefix(8).hexString,
            .files: try ScriptJSON.literal(files.map(URLEncoding.path)),
        ]
        try staging.write(templates.render(context, template: "service-worker"), to: SiteLayout.serviceWorker, scope: .edition(.offline))
    }

    /// Each file's SHA-256, read in pieces: the print edition alone can be hundreds of megabytes.
    private static func digests(of files: [String], in folder: String) throws -> [SHA256.Digest] {
        try files.mappingRuns(of: 16) { run in
            try run.map { file in
                var hash = SHA256()
                try FileChunks.read(folder + "/" + file) { hash.update(bufferPointer: $0) }
                return hash.finalize()
            }
        }
    }

    static func manifest(_ config: HandbookConfig) throws -> Data {
        var object: [String: Any] = [
            "name": config.title,
            "short_name": config.title.count <= 24 ? config.title : String(config.title.prefix(23)) + "…",
            "start_url": "./" + SiteLayout.home,
            "scope": "./",
            "display": "standalone",
            "lang": config.language,
            "background_color": "#ffffff",
            "theme_color": "#0b57a4",
            "icons": [["src": SiteLayout.favicon, "sizes": "any", "type": "image/svg+xml"]],
        ]
        object["description"] = config.description
        var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }
}
