import Testing
@testable import HandbookKit

@Suite("Front matter")
struct FrontMatterTests {
    private func file(_ text: String) -> SourceFile {
        SourceFile(path: "/x/chapter.md", displayPath: "chapter.md", text: text)
    }

    @Test("the body keeps the file's line numbers")
    func keepsLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\n# Heading\n")
        #expect(split.yaml == "title: A")
        #expect(split.body.split(separator: "\n", omittingEmptySubsequences: false)[3] == "# Heading")
    }

    @Test("Windows line endings")
    func crlf() throws {
        let split = try FrontMatter.split("---\r\ntitle: A\r\n---\r\nText\r\n")
        #expect(split.yaml?.contains("title: A") == true)
        #expect(split.body.contains("Text"))
    }

    @Test("the split read as bytes is the split of the file's lines, for any mix of line endings, markers and marks")
    func sameAsLines() {
        let pieces = ["---", "...", "\n", "\r\n", "\r", " ", "\t", "a", "é", "\u{301}", "---\n", "...\r\n", "- x\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.splitAsLines(text)
            let actual = Result { () throws(FrontMatter.SplitError) in try FrontMatter.split(text) }
            switch (expected, actual) {
            case (.success(let want), .success(let got)):
                #expect(got.yaml == want.yaml && got.body == want.body && got.yamlFirstLine == want.yamlFirstLine, "\(Array(text.utf8))")
            case (.failure, .failure): break
            default: Issue.record("one split failed and the other did not: \(Array(text.utf8))")
            }
        }
    }

    /// The definition the byte-level split keeps: lines of Characters, split at "\n" and "\r\n".
    private static func splitAsLines(_ text: String) -> Result<FrontMatterSplit, FrontMatter.SplitError> {
        func trimmed(_ line: Substring) -> Substring {
            var line = line
            while let last = line.last, last == "\r" || last == " " || last == "\t" { line = line.dropLast() }
            return line
        }
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard let first = lines.first, trimmed(first) == "---" else {
            return .success(FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text))
        }
        guard let closing = lines.indices.dropFirst().first(where: { trimmed(lines[$0]) == "---" || trimmed(lines[$0]) == "..." }) else {
            return .failure(.unterminated)
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        for index in 0...closing { lines[index] = "" }
        return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: lines.joined(separator: "\n")))
    }

    @Test("an unterminated front matter is an error at line 1")
    func unterminated() {
        let (matter, _, diagnostics) = PageFrontMatter.read(file("---\ntitle: A\n\n# Heading\n"))
        #expect(matter == nil)
        #expect(diagnostics.map(\.code) == [.frontMatterUnterminated])
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test("`anchors:` maps old anchors to new ones, in block or flow style, each at its line")
    func anchors() throws {
        let (block, _, blockProblems) = PageFrontMatter.read(file("---\ntitle: A\nanchors:\n  rf-out: F.21\n  old-intro: introduction\n---\n"))
        #expect(blockProblems.isEmpty)
        #expect(block?.anchorAliases.map(\.name) == ["rf-out", "old-intro"])
        #expect(block?.anchorAliases.map(\.target) == ["F.21", "introduction"])
        #expect(block?.anchorAliases.map(\.location.line) == [4, 5])
        let (flow, _, flowProblems) = PageFrontMatter.read(file("---\ntitle: A\nanchors: { rf-out: F.21, old-intro: introduction }\n---\n"))
        #expect(flowProblems.isEmpty)
        #expect(flow?.anchorAliases.map(\.target) == ["F.21", "introduction"])
        let (_, _, listProblems) = PageFrontMatter.read(file("---\ntitle: A\nanchors: [a, b]\n---\n"))
        #expect(listProblems.map(\.code) == [.configType])
    }

    @Test("missing front matter")
    func missing() {
        let (_, _, diagnostics) = PageFrontMatter.read(file("# Just a heading\n"))
        #expect(diagnostics.map(\.code) == [.frontMatterMissing])
    }

    @Test("unknown keys are errors at their own line, with a suggestion")
    func unknownKey() throws {
        let (matter, _, diagnostics) = PageFrontMatter.read(file("---\ntitle: A\nsumary: B\n---\n"))
        #expect(matter?.title == "A")
        let problem = try #require(diagnostics.first)
        #expect(problem.code == .configUnknownKey)
        #expect(problem.location.line == 3)
        #expect(problem.location.column == 1)
        #expect(problem.suggestion?.contains("summary") == true)
    }

    @Test("invalid YAML is reported at its file line, not its YAML line")
    func invalidYAMLLine() {
        let (_, _, diagnostics) = PageFrontMatter.read(file("---\ntitle: A\nsummary: [unclosed\n---\n"))
        let problem = diagnostics.first { $0.code == .yamlInvalid }
        #expect(problem != nil)
        #expect((problem?.location.line ?? 0) >= 3)
    }

    @Test("a missing title")
    func missingTitle() {
        let (matter, _, diagnostics) = PageFrontMatter.read(file("---\nsummary: B\n---\n"))
        #expect(matter == nil)
        #expect(diagnostics.map(\.code) == [.configMissingKey])
    }

    @Test("dates must be real YYYY-MM-DD dates")
    func dates() {
        #expect(CalendarDate.isValid("2024-02-29"))
        #expect(!CalendarDate.isValid("2023-02-29"))
        #expect(!CalendarDate.isValid("2023-13-01"))
        #expect(!CalendarDate.isValid("21/11/2026"))
        let (_, _, diagnostics) = PageFrontMatter.read(file("---\ntitle: A\nupdated: 2026-02-30\n---\n"))
        #expect(diagnostics.map(\.code) == [.frontMatterDate])
        #expect(diagnostics.first?.location.line == 3)
    }

    @Test("a list where a value belongs")
    func wrongType() {
        let (_, _, diagnostics) = PageFrontMatter.read(file("---\ntitle: [a, b]\n---\n"))
        #expect(diagnostics.contains { $0.code == .configType && $0.location.line == 2 })
    }
}
