import Testing
@testable import HandbookKit

@Suite("Printed pages: paper, margins and dates in words")
struct PageStyleTests {
    private func parse(_ lines: String) -> (HandbookConfig?, [Diagnostic]) {
        HandbookConfig.parse(SourceFile(path: "/x/handbook.yml", displayPath: "handbook.yml", text: "title: T\n" + lines))
    }

    @Test("the paper is the language region's: US Letter in the US and Canada, A4 elsewhere", arguments: [
        ("en-GB", PaperSize.a4), ("en", .a4), ("de", .a4), ("en-US", .letter), ("en-us", .letter), ("fr-CA", .letter),
        ("es-419", .a4), ("zh-Hant-TW", .a4), ("sr-Latn-US", .letter), ("en-GB-oxendict", .a4), ("de-CH-1996", .a4),
        // A variant is not a region, however it is spelled.
        ("sl-rozaj-biske", .a4),
    ])
    func paperFromLanguage(_ language: String, _ paper: PaperSize) throws {
        let (config, diagnostics) = parse("language: \(language)\n")
        #expect(diagnostics.isEmpty)
        #expect(try #require(config).paperSize == paper)
    }

    @Test("`paper` overrides the region, in either case; anything else is an error at its line")
    func paperKey() throws {
        let (letter, none) = parse("language: en-GB\npaper: Letter\n")
        #expect(none.isEmpty)
        #expect(try #require(letter).paperSize == .letter)
        let (a4, _) = parse("language: en-US\npaper: a4\n")
        #expect(try #require(a4).paperSize == .a4)
        let (_, problems) = parse("paper: A5\n")
        #expect(problems.map(\.code) == [.configType])
        #expect(problems.first?.location.line == 2)
        #expect(problems.first?.message.contains("a4 or letter") == true)
    }

    @Test("page.css holds the paper, the page number and the title, which cannot leave its string")
    func css() throws {
        var config = HandbookConfig(title: "Guide\"; } body { display: none } @page { x: \"\\ </style>", edition: "3")
        config.language = "en-CA"
        let css = PageStyle.css(config)
        #expect(css.contains("size: letter;"))
        #expect(css.contains("counter(page)"))
        let line = try #require(css.split(separator: "\n").first { $0.contains("@top-left") })
        let literal = try #require(line.firstRange(of: "content: ").map { line[$0.upperBound...] })
        let end = try #require(literal.dropFirst().firstIndex(of: "\""))
        let string = literal[literal.startIndex...end]
        // Nothing but letters, digits, spaces and escapes between the quotes.
        #expect(string.dropFirst().dropLast().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "\\") })
        #expect(Self.decoded(String(string)) == config.title + ", edition 3")
        #expect(literal[end...].hasPrefix("\"; font:"))
    }

    @Test("NUL, which CSS cannot hold, becomes U+FFFD; a letter after an escape is not read into it")
    func cssString() {
        #expect(CSSString.literal("a\u{0}b") == "\"a\\fffd b\"")
        #expect(Self.decoded(CSSString.literal("é1 x")) == "é1 x")
        #expect(Self.decoded(CSSString.literal("\u{1F600}\"\\\n")) == "\u{1F600}\"\\\n")
    }

    @Test("dates are written in the words of the handbook's language", arguments: [
        ("en-GB", "21 November 2026"), ("en", "November 21, 2026"), ("en-US", "November 21, 2026"),
        ("de", "21. November 2026"), ("fr-CA", "21 novembre 2026"),
    ])
    func dateInWords(_ language: String, _ words: String) {
        #expect(DateInWords.text("2026-11-21", language: language) == words)
    }

    @Test("the first and last days of a year stay in it, whatever the time zone")
    func dateEdges() {
        #expect(DateInWords.text("2027-01-01", language: "en-GB") == "1 January 2027")
        #expect(DateInWords.text("2026-12-31", language: "en-GB") == "31 December 2026")
        #expect(DateInWords.text("not-a-date", language: "en-GB") == nil)
    }

    /// A CSS string's value, as a CSS tokenizer reads it (hex escapes of up to six digits, one
    /// whitespace after them consumed; any other escaped character stands for itself).
    private static func decoded(_ literal: String) -> String {
        var scalars = Array(literal.unicodeScalars.dropFirst().dropLast())[...]
        var result = String.UnicodeScalarView()
        while let scalar = scalars.popFirst() {
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            let hex = scalars.prefix { $0.properties.isASCIIHexDigit }.prefix(6)
            if hex.isEmpty, let next = scalars.popFirst() {
                result.append(next)
                continue
            }
            scalars.removeFirst(hex.count)
            if scalars.first == " " { scalars.removeFirst() }
            result.append(Unicode.Scalar(UInt32(String(String.UnicodeScalarView(hex)), radix: 16) ?? 0xFFFD) ?? "\u{FFFD}")
        }
        return String(result)
    }
}
