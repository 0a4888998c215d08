import Foundation
import Testing
@testable import HandbookKit

@Suite("Reading source files")
struct SourceFileTests {
    @Test("a byte-order mark is dropped")
    func bom() throws {
        let result = SourceFileReader.decode(Data([0xEF, 0xBB, 0xBF]) + Data("title: A".utf8), path: "x", displayPath: "x")
        #expect(try result.get().text == "title: A")
    }

    @Test("invalid UTF-8 is reported at the line and column of the first bad byte")
    func invalidUTF8() {
        let data = Data("line one\nab".utf8) + Data([0xC3, 0x28]) + Data(" rest".utf8)
        guard case .failure(let diagnostic) = SourceFileReader.decode(data, path: "x.md", displayPath: "x.md") else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(diagnostic.code == .fileEncoding)
        #expect(diagnostic.location == SourceLocation(file: "x.md", line: 2, column: 3))
        #expect(diagnostic.description.hasPrefix("x.md:2:3: error: "))
    }

    @Test("language tags")
    func languageTags() {
        #expect(LanguageTag.isWellFormed("en"))
        #expect(LanguageTag.isWellFormed("en-GB"))
        #expect(LanguageTag.isWellFormed("zh-Hant-TW"))
        #expect(!LanguageTag.isWellFormed("english"))
        #expect(!LanguageTag.isWellFormed("en_GB"))
        #expect(!LanguageTag.isWellFormed(""))
    }
}
