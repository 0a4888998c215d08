import Testing
@testable import HandbookKit

@Suite("Markdown cmark would parse slowly")
struct MarkdownCostTests {
    @Test("image openers times brackets in one paragraph are bounded; the paragraph is left out, its lines kept")
    func brackets() {
        let markdown = "Intro.\n\n" + String(repeating: "![[]()", count: 30_000) + "\nmore\n\nAfter.\n"
        let (bounded, problems) = MarkdownCost.check(markdown, file: "x.md")
        #expect(problems.map(\.code) == [.markdownBrackets])
        #expect(problems.first?.location.line == 3)
        #expect(bounded.split(separator: "\n", omittingEmptySubsequences: false).count == markdown.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!bounded.contains("![") && bounded.contains("Intro.") && bounded.contains("After."))
    }

    static let shortParagraphs: String = Array(repeating: String(repeating: "![[]()", count: 100), count: 300).joined(separator: "\n\n")
    static let linkList: String = (0..<5_000).map { (number: Int) -> String in "[Link \(number)](https://example.org/\(number))" }
        .joined(separator: " ")
    static let listItems: String = Array(repeating: "- " + String(repeating: "![[]()", count: 100), count: 300).joined(separator: "\n")
    static let code: String = "```\n" + String(repeating: "![[]()", count: 30_000) + "\n```\n"

    @Test("the same brackets in short paragraphs, long link lists and code are fine", arguments: [
        shortParagraphs, linkList, listItems, code,
    ])
    func fine(_ markdown: String) {
        let (bounded, problems) = MarkdownCost.check(markdown, file: "x.md")
        #expect(problems.isEmpty)
        #expect(bounded == markdown)
    }

    @Test("nesting is bounded per line; a thematic break is no nesting")
    func nesting() {
        #expect(MarkdownCost.check(String(repeating: "> ", count: 32) + "x\n", file: "x.md").problems.isEmpty)
        #expect(MarkdownCost.check(String(repeating: "- ", count: 32) + "x\n", file: "x.md").problems.isEmpty)
        #expect(MarkdownCost.check(String(repeating: "- ", count: 200) + "\n", file: "x.md").problems.isEmpty, "a thematic break")
        let deep = MarkdownCost.check("Fine.\n\n" + String(repeating: "> ", count: 33) + "x\n", file: "x.md")
        #expect(deep.problems.map(\.code) == [.markdownNesting])
        #expect(deep.problems.first?.location.line == 3)
        #expect(deep.markdown.hasPrefix("Fine.") && !deep.markdown.contains(">"))
        let indented = MarkdownCost.check(String(repeating: " ", count: 80) + "1. x\n", file: "x.md")
        #expect(indented.problems.map(\.code) == [.markdownNesting], "indentation counts towards the depth")
    }

    @Test("at most 20 places are reported per file, and the rest counted")
    func reportedPlaces() {
        let markdown = (0..<100).map { _ in String(repeating: "> ", count: 40) + "x" }.joined(separator: "\n\n")
        let problems = MarkdownCost.check(markdown, file: "x.md").problems
        #expect(problems.count == MarkdownCost.reported + 1)
        #expect(problems.last?.message.hasPrefix("80 more places") == true)
    }
}
