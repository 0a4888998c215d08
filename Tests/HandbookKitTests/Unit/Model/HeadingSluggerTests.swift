import Testing
@testable import HandbookKit

@Suite("Heading slugs")
struct HeadingSluggerTests {
    @Test("GitHub-compatible slugs", arguments: [
        ("Friend requests", "friend-requests"),
        ("What's new?", "whats-new"),
        ("Privacy: who can see you", "privacy-who-can-see-you"),
        ("Ärzte und Öffentlichkeit", "ärzte-und-öffentlichkeit"),
        ("Сроки и правила", "сроки-и-правила"),
        ("A  double  space", "a--double--space"),
        ("snake_case and 2013", "snake_case-and-2013"),
        ("日本語の見出し", "日本語の見出し"),
    ])
    func slugs(_ text: String, _ expected: String) {
        var slugger = HeadingSlugger()
        #expect(slugger.slug(for: text) == expected)
    }

    @Test("repeats get -1, -2 within a page")
    func repeats() {
        var slugger = HeadingSlugger()
        #expect(["Why", "Why", "Why", "Why 1"].map { slugger.slug(for: $0) } == ["why", "why-1", "why-2", "why-1-1"])
    }

    @Test("a heading with no letters still gets an anchor")
    func empty() {
        var slugger = HeadingSlugger()
        #expect(slugger.slug(for: "!!!") == "section")
    }
}
