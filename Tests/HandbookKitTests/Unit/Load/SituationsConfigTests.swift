import Testing
@testable import HandbookKit

/// `situations` in handbook.yml: what a reader faces, mapped to the rules that answer it.
@Suite("HandbookConfig: situations")
struct SituationsConfigTests {
    private func parse(_ lines: String) -> (HandbookConfig?, [Diagnostic]) {
        HandbookConfig.parse(SourceFile(path: "/x/handbook.yml", displayPath: "handbook.yml", text: "title: T\n" + lines))
    }

    @Test("each entry keeps its text and its rules in the order written, commas and spaces both separating them")
    func parsed() throws {
        let (config, diagnostics) = parse("situations:\n  I lost my laptop: DEV-2, DEV-1\n  \"Asked for my password?\": ACC-1 ACC-2\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let situations = try #require(config?.situations)
        #expect(situations.map(\.text) == ["I lost my laptop", "Asked for my password?"])
        #expect(situations.map(\.ruleIdentifiers) == [["DEV-2", "DEV-1"], ["ACC-1", "ACC-2"]])
        #expect(situations.map(\.location.line) == [3, 4])
    }

    @Test("an entry without rules, a list instead of a mapping and an over-long text are errors at their lines")
    func problems() {
        let (config, diagnostics) = parse("situations:\n  I lost my laptop:\n")
        #expect(config?.situations.isEmpty == true)
        #expect(diagnostics.map(\.code) == [.configType])
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.message.contains("names no rule") == true)

        let (_, list) = parse("situations:\n  - I lost my laptop\n")
        #expect(list.map(\.code) == [.configType])

        let long = String(repeating: "a", count: InputLimits.titleCharacters + 1)
        let (_, tooLong) = parse("situations:\n  \(long): DEV-1\n")
        #expect(tooLong.map(\.code) == [.textTitleLength])
    }

    @Test("a required key written with a typo is one error, not also a missing key")
    func misspeltRequired() {
        let (config, diagnostics) = HandbookConfig.parse(SourceFile(path: "/x/handbook.yml", displayPath: "handbook.yml", text: "titel: T\n"))
        #expect(config == nil)
        #expect(diagnostics.map(\.code) == [.configUnknownKey])
        #expect(diagnostics.first?.suggestion == "did you mean 'title'?")
        let (_, unrelated) = HandbookConfig.parse(SourceFile(path: "/x/handbook.yml", displayPath: "handbook.yml", text: "colour: red\n"))
        #expect(unrelated.map(\.code) == [.configUnknownKey, .configMissingKey], "a key that is not a typo of title leaves title missing")
    }

    @Test("a misspelt key near situations is caught with a suggestion")
    func misspelt() {
        let (_, diagnostics) = parse("situation:\n  I lost my laptop: DEV-1\n")
        #expect(diagnostics.map(\.code) == [.configUnknownKey])
        #expect(diagnostics.first?.suggestion == "did you mean 'situations'?")
    }
}

/// Chapter numbers: 1, 2, 3 through the handbook, appendices lettered in a series of their own.
@Suite("ChapterNumber")
struct ChapterNumberTests {
    @Test("letters run A to Z, then AA, AZ, BA, as ordered lists of type A count")
    func letters() {
        #expect([1, 2, 26, 27, 52, 53, 702, 703].map(ChapterNumber.letters) == ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test("chapters after an appendix part are numbered on as if it were not there")
    func numbers() {
        var appendix = HandbookPart(id: "refs", folderName: "03-refs", title: "Reference")
        appendix.isAppendix = true
        let part = HandbookPart(id: "later", folderName: "04-later", title: "Later")
        let numbers = ChapterNumber.numbers([nil, nil, appendix, appendix, part, nil, appendix])
        #expect(numbers.map(\.label) == ["1", "2", "A", "B", "3", "4", "C"])
        #expect(numbers.map(\.isAppendix) == [false, false, true, true, false, false, true])
    }

    @Test("part.yml's appendix must be true or false")
    func partKey() throws {
        let (part, problems) = HandbookPart.parse(
            .success(SourceFile(path: "/x/part.yml", displayPath: "part.yml", text: "title: Reference\nappendix: yes please\n")),
            folderName: "03-refs", slug: "refs")
        #expect(part?.isAppendix == false)
        #expect(problems.map(\.code) == [.configType])
        let (appendix, none) = HandbookPart.parse(
            .success(SourceFile(path: "/x/part.yml", displayPath: "part.yml", text: "title: Reference\nappendix: true\n")),
            folderName: "03-refs", slug: "refs")
        #expect(none.isEmpty && appendix?.isAppendix == true)
    }
}
