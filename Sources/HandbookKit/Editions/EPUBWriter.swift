import Foundation
import ZIPFoundation

/// Writes an `EPUBBook` as an EPUB 3 file (an OCF ZIP container).
///
/// The output is byte-for-byte reproducible: entries go in a fixed order with a fixed date and
/// fixed permissions, and nothing depends on the build time or the machine.
enum EPUBWriter {
    enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// Two files of the book would have the same path, or a document would replace one of ours.
        case pathClash(String)
        /// A document's file name is not a plain name at the root of the content folder.
        case invalidFileName(String)

        var description: String {
            switch self {
            case .pathClash(let path): "two files of the EPUB book would both be \(path)"
            case .invalidFileName(let name): "the EPUB document name \(name) must be a plain file name ending in .xhtml"
            }
        }
    }

    /// Where our own files go inside the content folder; documents must not take these names.
    private static let content = "OEBPS"
    private static let packageName = "content.opf"
    private static let navName = "nav.xhtml"
    private static let stylesheetName = "style.css"

    /// Writes the book to `path`, replacing any file there only once the new one is complete.
    static func write(_ book: EPUBBook, to path: String) throws {
        try checkPaths(of: book)
        let destination = URL(fileURLWithPath: path)
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Beside the destination, so the final rename stays on one file system and is atomic.
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        do {
            try writeArchive(book, to: temporary)
            // rename(2) replaces an existing file in one step, unlike FileManager.moveItem.
            guard rename(temporary.path, destination.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    private static func writeArchive(_ book: EPUBBook, to url: URL) throws {
        // The ZIP date has no time zone and a 2-second resolution; the book's own date keeps it
        // meaningful and reproducible. DOS dates start in 1980, hence the fallback.
        let date = (try? Date(book.modified, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 315_532_800)
        let archive = try Archive(url: url, accessMode: .create)

        func add(_ name: String, _ data: Data, compressed: Bool = true) throws {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                permissions: 0o644, compressionMethod: compressed ? .deflate : .none,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }

        // OCF: `mimetype` must come first and be stored, so that tools can recognise the file
        // from its first bytes.
        try add("mimetype", Data("application/epub+zip".utf8), compressed: false)
        try add("META-INF/container.xml", Data(containerXML.utf8))
        try add("\(content)/\(packageName)", Data(packageDocument(book).utf8))
        try add("\(content)/\(navName)", Data(navigationDocument(book).utf8))
        try add("\(content)/\(stylesheetName)", Data(book.stylesheet.utf8))
        for document in book.documents {
            let page = xhtmlPage(title: document.title, language: book.language, body: document.body)
            try add("\(content)/\(document.fileName)", Data(page.utf8))
        }
        for file in book.media {
            // Mapped rather than read, so large images do not all sit in memory at once.
            let data = try Data(contentsOf: URL(fileURLWithPath: file.source), options: .alwaysMapped)
            try add("\(content)/\(file.path)", data)
        }
    }

    /// Refuses books whose files would overwrite each other inside the archive, which would
    /// otherwise give a broken EPUB with duplicate entries.
    private static func checkPaths(of book: EPUBBook) throws {
        var taken: Set<String> = [packageName, navName, stylesheetName]
        for document in book.documents {
            // Documents sit beside the stylesheet: the `style.css` link only works from there.
            guard !document.fileName.contains("/"), document.fileName.hasSuffix(".xhtml") else {
                throw Error.invalidFileName(document.fileName)
            }
            guard taken.insert(document.fileName).inserted else { throw Error.pathClash(document.fileName) }
        }
        for file in book.media {
            guard taken.insert(file.path).inserted else { throw Error.pathClash(file.path) }
        }
    }

    // MARK: - The files

    private static let containerXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="\(content)/\(packageName)" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """

    private static func packageDocument(_ book: EPUBBook) -> String {
        var metadata = [
            "<dc:identifier id=\"book-id\">\(xml(book.identifier))</dc:identifier>",
            "<dc:title id=\"title\">\(xml(book.title))</dc:title>",
        ]
        if let subtitle = book.subtitle {
            // EPUB 3 marks a subtitle as a second title refined by its type.
            metadata += [
                "<meta refines=\"#title\" property=\"title-type\">main</meta>",
                "<dc:title id=\"subtitle\">\(xml(subtitle))</dc:title>",
                "<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>",
            ]
        }
        metadata.append("<dc:language>\(xml(book.language))</dc:language>")
        if let organisation = book.organisation {
            metadata.append("<dc:publisher>\(xml(organisation))</dc:publisher>")
        }
        if let edition = book.edition {
            // `schema:` is a reserved EPUB prefix, so it needs no declaration.
            metadata.append("<meta property=\"schema:bookEdition\">\(xml(edition))</meta>")
        }
        metadata.append("<meta property=\"dcterms:modified\">\(xml(book.modified))</meta>")

        // Manifest ids are generated, since file names need not be valid XML ids.
        var manifest = [
            item(id: "nav", href: navName, type: "application/xhtml+xml", properties: "nav"),
            item(id: "css", href: stylesheetName, type: "text/css"),
        ]
        var spine = [#"<itemref idref="nav" linear="no"/>"#]
        for (index, document) in book.documents.enumerated() {
            manifest.append(item(id: "doc-\(index + 1)", href: document.fileName, type: "application/xhtml+xml"))
            spine.append("<itemref idref=\"doc-\(index + 1)\"/>")
        }
        for (index, file) in book.media.enumerated() {
            manifest.append(item(id: "media-\(index + 1)", href: file.path, type: mediaType(of: file.path)))
        }

        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(xml(book.language))">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                \(metadata.joined(separator: "\n    "))
              </metadata>
              <manifest>
                \(manifest.joined(separator: "\n    "))
              </manifest>
              <spine>
                \(spine.joined(separator: "\n    "))
              </spine>
            </package>

            """
    }

    private static func item(id: String, href: String, type: String, properties: String? = nil) -> String {
        let properties = properties.map { " properties=\"\($0)\"" } ?? ""
        return "<item id=\"\(id)\" href=\"\(xml(URLEncoding.path(href)))\" media-type=\"\(type)\"\(properties)/>"
    }

    private static func navigationDocument(_ book: EPUBBook) -> String {
        // A part's title page opens a nested list of the chapters after it, closed by the next
        // document that is not in a part (or the next part).
        var entries: [String] = []
        var inPart = false
        for document in book.documents {
            let link = "<a href=\"\(xml(URLEncoding.path(document.fileName)))\">\(xml(document.title))</a>"
            if inPart && document.level != .inPart {
                entries.append("</ol></li>")
                inPart = false
            }
            switch document.level {
            case .part:
                entries.append("<li>\(link)")
                entries.append("<ol>")
                inPart = true
            case .inPart where inPart:
                entries.append("  <li>\(link)</li>")
            case .top, .inPart:
                entries.append("<li>\(link)</li>")
            }
        }
        if inPart { entries.append("</ol></li>") }
        // The book's title heads the list: it needs no translation, unlike a word like "Contents".
        let body = """
            <nav epub:type="toc" id="toc">
              <h1>\(xml(book.title))</h1>
              <ol>
                \(entries.joined(separator: "\n    "))
              </ol>
            </nav>
            """
        return xhtmlPage(title: book.title, language: book.language, body: body)
    }

    /// A complete XHTML 5 document around a body fragment, which is inserted as it is but for
    /// characters XML does not allow. Sources holding them are refused with a diagnostic
    /// (`ForbiddenCharacters`); dropping them here as well keeps every document well-formed
    /// whatever a template holds.
    private static func xhtmlPage(title: String, language: String, body: String) -> String {
        let body = XMLCharacters.removingForbidden(body)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="\(xml(language))" lang="\(xml(language))">
        <head>
        <title>\(xml(title))</title>
        <link rel="stylesheet" type="text/css" href="\(stylesheetName)"/>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Media types of the image formats handbooks use; anything else is declared as opaque
    /// bytes, which epubcheck reports only if a document actually displays it.
    private static func mediaType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "svg": "image/svg+xml"
        case "webp": "image/webp"
        default: "application/octet-stream"
        }
    }

    /// Escapes text for XML content and quoted attributes, dropping the control characters
    /// XML 1.0 does not allow at all (they would make the whole file unreadable).
    private static func xml(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case _ where !XMLCharacters.isAllowed(scalar): continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
