import Foundation
import Testing
@testable import HandbookKit

@Suite("Search index")
struct SearchIndexTests {
    @Test("tokens: words with apostrophes, whole identifiers, separators; single spaces implied")
    func tokens() {
        let tokens = SearchTokenizer.tokens(in: "Don't post it (see CONF-2.1), café 2013.")
        #expect(tokens.map(\.text) == ["Don't", "post", "it", " (", "see", "CONF-2.1", "), ", "café", "2013", "."])
        #expect(tokens.map(\.kind) == [.word, .word, .word, .separator, .word, .identifier, .separator, .word, .word, .separator])
    }

    @Test("folding removes case and diacritics")
    func folding() {
        #expect(SearchTokenizer.fold("Ärzte") == "arzte")
        #expect(SearchTokenizer.fold("CAFÉ") == "cafe")
        #expect(SearchTokenizer.fold("doctor\u{2019}s") == "doctor's")
    }

    @Test("Snowball stems English and leaves unknown languages alone")
    func stemming() {
        let english = Stemmer(language: "en-GB")
        #expect(english.isAvailable)
        #expect(english.stem("requests") == "request")
        #expect(english.stem("trolling") == "troll")
        let klingon = Stemmer(language: "tlh")
        #expect(!klingon.isAvailable)
        #expect(klingon.stem("requests") == "requests")
    }

    @Test("the number code round-trips", arguments: [[0], [31, 32, 1023, 1024, 32767, 32768, 1_000_000], Array(0..<300)])
    func codec(_ numbers: [Int]) {
        let text = SearchIndexCodec.encode(numbers)
        #expect(SearchIndexCodec.decode(text) == numbers)
        #expect(text.utf8.allSatisfy { SearchIndexCodec.alphabet.contains($0) })
    }

    @Test("small numbers take one letter, so frequent words cost least")
    func codecSize() {
        #expect(SearchIndexCodec.encode([0, 5, 31]).count == 3)
        #expect(SearchIndexCodec.encode([32, 1023]).count == 4)
    }

    @Test("every word maps to a stem group shared by its variants; text decodes back")
    func build() throws {
        let sections = [
            SearchSection(page: 0, url: "chapters/a.html", rule: nil, title: "Friend requests", parent: nil, body: "Decline a request."),
            SearchSection(page: 0, url: "chapters/a.html#BND-2", rule: "BND-2", title: "Turn down requests", parent: 0, body: "Patients request; you decline, see BND-2."),
        ]
        let index = SearchIndex.build(pages: [SearchPage(title: "A", url: "chapters/a.html")], sections: sections, language: "en")
        let stems = SearchIndexCodec.decode(index.stems)
        #expect(stems.count == index.words.count)
        func group(_ word: String) -> Int { stems[index.words.firstIndex(of: word)!] }
        #expect(group("requests") == group("request"))
        #expect(group("requests") != group("decline"))
        #expect(group("; ") == 0)
        let body = SearchIndexCodec.decode(index.sections[1][4] as! String).map { index.words[$0] }
        #expect(body == ["Patients", "request", "; ", "you", "decline", ", ", "see", "BND-2", "."])
        #expect(index.sections[1][1] as? String == "BND-2")
        #expect(index.sections[1][2] as? Int == 0)
        #expect(index.sections[1][5] as? String == "BND-2")
    }

    @Test("the script form cannot end its script element or break on line separators")
    func scriptEscaping() {
        let json = Data(#"{"words":["</script><script>alert(1)</script>","a\#u{2028}b"]}"#.utf8)
        let script = String(decoding: SearchIndex.script(json: json), as: UTF8.self)
        #expect(!script.contains("</script"))
        #expect(!script.contains("\u{2028}"))
        #expect(script.hasPrefix("window.handbookSearchIndex = {"))
    }

    @Test("the default handbook's index is within budget: 1.0 times its plain text, 0.6 gzipped")
    func budget() async throws {
        let (checked, diagnostics) = await HandbookBuilder.check(
            BuildOptions(content: Repository.content, templates: Repository.templates, output: "/nonexistent"))
        #expect(!diagnostics.hasErrors)
        let handbook = try #require(checked.handbook)
        let files = try SearchFiles(handbook)
        #expect(Double(files.json.count) <= 1.0 * Double(files.plainTextBytes))
        let gzipped = try gzipSize(files.json)
        #expect(Double(gzipped) <= 0.6 * Double(files.plainTextBytes))
        #expect(files.budgetWarning(config: handbook.config, configFile: "handbook.yml") == nil)
        var tight = handbook.config
        tight.searchIndexBudget = 0.1
        #expect(files.budgetWarning(config: tight, configFile: "handbook.yml")?.code == .searchBudget)
    }

    @Test("sections: the page top, each heading and rule, and each tip")
    func sections() async throws {
        let fixture = try TestHandbook(fixture: "awkward")
        let (checked, _) = await HandbookBuilder.check(
            BuildOptions(content: fixture.content, templates: Repository.templates, output: "/nonexistent"))
        let handbook = try #require(checked.handbook)
        let (pages, sections) = SearchSections.make(from: handbook)
        #expect(pages.map(\.url) == ["chapters/basics.html", "chapters/messages.html", "tips/quick.html"])
        let urls = sections.map(\.url)
        #expect(urls.contains("chapters/basics.html"))
        #expect(urls.contains("chapters/basics.html#BASE-1.1.1"))
        #expect(urls.contains("chapters/basics.html#why-1"))
        #expect(urls.contains("tips/quick.html#keep-lists"))
        let sub = try #require(sections.first { $0.rule == "BASE-1.1" })
        #expect(sections[try #require(sub.parent)].rule == "BASE-1")
        #expect(sub.title == "A sub-rule at level three")
    }

    private func gzipSize(_ data: Data) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-9", "-c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return compressed.count
    }
}
