import Foundation
import Testing
import ZIPFoundation
@testable import HandbookKit

@Suite("EPUB writer")
struct EPUBWriterTests {
    /// A temporary folder with a small book in it: three linked documents, one image.
    struct Fixture {
        /// Removed with the last copy of the fixture.
        private let temporary: TemporaryFolder
        var folder: String { temporary.path }
        var book: EPUBBook

        init() throws {
            temporary = try TemporaryFolder("handbook-epub-")
            let folder = temporary.path
            let image = folder + "/pixel.png"
            try Data(base64Encoded: Self.pixelPNG)!.write(to: URL(fileURLWithPath: image))
            book = EPUBBook(
                identifier: "urn:uuid:0b6c3f1e-5d6a-4a53-9d0e-2f4b8f0c1a77",
                title: "Guidance <for> Staff & Volunteers",
                subtitle: "How we work",
                organisation: "Smith & Jones",
                edition: "2025.1",
                language: "en-GB",
                modified: "2025-03-01T12:00:00Z",
                documents: [
                    .init(
                        fileName: "chapter-a.xhtml", title: "Rules &amp; <reasons>",
                        body: """
                            <h1 id="rules">Rules &amp; reasons</h1>
                            <p>See <a href="chapter-b.xhtml#RULE-1">RULE-1</a>.<br />Next line.</p>
                            <p><img src="media/pixel.png" alt="A pixel" /></p>
                            """),
                    .init(
                        fileName: "chapter-b.xhtml", title: "Über café",
                        body: """
                            <h1 id="uber">Über café</h1>
                            <h2 id="RULE-1">RULE-1 Be kind</h2>
                            <p>Back to <a href="chapter-a.xhtml#rules">the rules</a>; &quot;quoted&quot; &lt;text&gt;.</p>
                            """),
                    .init(
                        fileName: "chapter-c.xhtml", title: "Last",
                        body: #"<h1 id="last">Last</h1><p><a href="chapter-b.xhtml#RULE-1">RULE-1</a> again.</p>"#),
                ],
                media: [.init(path: "media/pixel.png", source: image)],
                stylesheet: "body { font-family: serif; }\nh2 { color: #333; }\n")
        }

        func write(_ name: String = "book.epub") throws -> String {
            let path = folder + "/" + name
            try EPUBWriter.write(book, to: path)
            return path
        }

        /// A 1×1 PNG.
        static let pixelPNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    }

    @Test("epubcheck finds no errors and no warnings")
    func validates() async throws {
        // make test installs epubcheck (Debian) before swift test runs; without it this fails.
        try #require(EPUBCheck.command != nil, "epubcheck is not installed: apt-get install epubcheck")
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let report = try await EPUBCheck.run(on: fixture.write())
        #expect(report.counts == [0, 0, 0], "\(report.messages.joined(separator: "\n"))")
    }

    @Test("mimetype is the first entry, stored uncompressed")
    func mimetypeFirst() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture.write())).prefix(58))
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        try #require(bytes.count == 58)
        #expect(bytes[0..<4] == [0x50, 0x4B, 0x03, 0x04])  // local file header signature
        #expect(uint16(8) == 0)  // compression method: stored
        #expect(uint16(26) == 8)  // file name length
        #expect(uint16(28) == 0)  // no extra field, so the content starts at byte 38
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
    }

    @Test("writing the same book twice gives the same bytes, replacing the old file")
    func reproducible() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let first = try Data(contentsOf: URL(fileURLWithPath: fixture.write("one.epub")))
        let path = try fixture.write("two.epub")
        try EPUBWriter.write(fixture.book, to: path)  // over an existing file
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        // Nothing left over beside it: the temporary file was renamed into place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder).sorted() == ["one.epub", "pixel.png", "two.epub"])

        // Two quick builds can share a clock tick, so check the date itself: the book's, not now.
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        #expect(archive.map(\.path) == [
            "mimetype", "META-INF/container.xml", "OEBPS/content.opf", "OEBPS/nav.xhtml", "OEBPS/style.css",
            "OEBPS/chapter-a.xhtml", "OEBPS/chapter-b.xhtml", "OEBPS/chapter-c.xhtml", "OEBPS/media/pixel.png",
        ])
        let modified = try Date(fixture.book.modified, strategy: .iso8601)
        for entry in archive {
            #expect(entry.fileAttributes[.modificationDate] as? Date == modified, "\(entry.path)")
        }
    }

    @Test("titles are escaped in the navigation and package documents")
    func escaping() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let archive = try Archive(url: URL(fileURLWithPath: fixture.write()), accessMode: .read)
        let nav = try text(of: "OEBPS/nav.xhtml", in: archive)
        #expect(nav.contains("<h1>Guidance &lt;for&gt; Staff &amp; Volunteers</h1>"))
        #expect(nav.contains(#"<a href="chapter-a.xhtml">Rules &amp;amp; &lt;reasons&gt;</a>"#))
        #expect(nav.contains(#"<a href="chapter-b.xhtml">Über café</a>"#))
        let package = try text(of: "OEBPS/content.opf", in: archive)
        #expect(package.contains("<dc:publisher>Smith &amp; Jones</dc:publisher>"))
        #expect(package.contains(#"<item id="media-1" href="media/pixel.png" media-type="image/png"/>"#))
    }

    @Test("a part's title page nests the chapters after it in the table of contents, up to the next top-level document")
    func partsNest() throws {
        var fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        fixture.book.documents[0].level = .part
        fixture.book.documents[1].level = .inPart
        fixture.book.documents.append(.init(fileName: "part-b.xhtml", title: "Part <B>", body: "<h1>Part B</h1>", level: .part))
        fixture.book.documents.append(.init(fileName: "chapter-d.xhtml", title: "D", body: "<h1>D</h1>", level: .inPart))
        let archive = try Archive(url: URL(fileURLWithPath: fixture.write()), accessMode: .read)
        let nav = try text(of: "OEBPS/nav.xhtml", in: archive)
        #expect(nav.contains("""
            <li><a href="chapter-a.xhtml">Rules &amp;amp; &lt;reasons&gt;</a>
                <ol>
                  <li><a href="chapter-b.xhtml">Über café</a></li>
                </ol></li>
                <li><a href="chapter-c.xhtml">Last</a></li>
                <li><a href="part-b.xhtml">Part &lt;B&gt;</a>
                <ol>
                  <li><a href="chapter-d.xhtml">D</a></li>
                </ol></li>
              </ol>
            """))
    }

    @Test("clashing file names are refused")
    func clashes() throws {
        let fixture = try Fixture()
        var book = fixture.book
        book.documents[2].fileName = "nav.xhtml"
        #expect(throws: EPUBWriter.Error.pathClash("nav.xhtml")) {
            try EPUBWriter.write(book, to: fixture.folder + "/never-written.epub")
        }
    }

    private func text(of path: String, in archive: Archive) throws -> String {
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs epubcheck and reads its JSON report.
private enum EPUBCheck {
    struct Report {
        var fatals = 0
        var errors = 0
        var warnings = 0
        var messages: [String] = []
        /// Fatal errors, errors and warnings; `messages` say what they are.
        var counts: [Int] { [fatals, errors, warnings] }
    }

    /// How to start epubcheck. Debian installs it as a bare `.jar`, which only runs directly
    /// where binfmt_misc is set up (not in most containers), so a jar is started with java.
    static let command: [String]? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        guard let path = folders.map({ "\($0)/epubcheck" }).first(where: FileManager.default.isExecutableFile) else {
            return nil
        }
        let start = FileHandle(forReadingAtPath: path).map { $0.readData(ofLength: 2) }
        return start == Data("PK".utf8) ? ["java", "-jar", path] : [path]
    }()

    static func run(on epub: String) async throws -> Report {
        let json = epub + ".epubcheck.json"
        defer { try? FileManager.default.removeItem(atPath: json) }
        _ = await (try ChildProcess("/usr/bin/env", (command ?? ["epubcheck"]) + [epub, "--json", json])).finished()

        // checker.nFatal/nError/nWarning count the problems; messages[] say what they are.
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json)))
        let root = try #require(object as? [String: Any])
        let checker = try #require(root["checker"] as? [String: Any])
        var report = Report(
            fatals: checker["nFatal"] as? Int ?? -1,
            errors: checker["nError"] as? Int ?? -1,
            warnings: checker["nWarning"] as? Int ?? -1)
        for message in root["messages"] as? [[String: Any]] ?? [] {
            let locations = (message["locations"] as? [[String: Any]] ?? []).map {
                "\($0["path"] ?? "?"):\($0["line"] ?? "?")"
            }
            report.messages.append(
                "\(message["severity"] ?? "?") \(message["ID"] ?? "?"): \(message["message"] ?? "") at \(locations.joined(separator: ", "))")
        }
        return report
    }
}
