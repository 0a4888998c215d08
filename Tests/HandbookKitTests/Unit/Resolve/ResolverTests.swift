import Foundation
import Testing
@testable import HandbookKit

@Suite("Resolver")
struct ResolverTests {
    /// `MemoryHandbook.page` puts four lines of front matter and a blank line before the body.
    private static func line(_ bodyLine: Int) -> Int { bodyLine + 5 }

    private func handbook(_ chapters: [MemoryHandbook.Page], tipLists: [MemoryHandbook.Page] = [], media: [String] = []) -> MemoryHandbook {
        MemoryHandbook(chapters: chapters, tipLists: tipLists, media: media)
    }

    @Test("rules are collected from headings in document order, with their chapter, level and parent")
    func rules() throws {
        let resolved = try handbook([
            ("01-first.md", MemoryHandbook.page("First", """
                Intro.

                ## A-1 Do the first thing

                Own text.

                ### A-1.1 A nested rule

                Nested text.

                ## A-2 Do the second thing

                More.
                """)),
            ("02-second.md", MemoryHandbook.page("Second", "## B-1 Another thing\n\nText.\n")),
        ]).resolved()

        #expect(resolved.rules.map(\.identifier) == ["A-1", "A-1.1", "A-2", "B-1"])
        #expect(resolved.rules.map(\.title) == ["Do the first thing", "A nested rule", "Do the second thing", "Another thing"])
        #expect(resolved.rules.map(\.parent) == [nil, "A-1", nil, nil])
        #expect(resolved.rules.map(\.chapter) == [0, 0, 0, 1])
        #expect(resolved.rules.map(\.level) == [2, 3, 2, 2])
        #expect(resolved.rulesByChapter == [[0, 1, 2], [3]])
        #expect(resolved.rule("A-1")?.location == SourceLocation(file: "chapters/01-first.md", line: Self.line(3)))
        #expect(resolved.rule("A-1")?.wording == "Own text.", "a rule's wording leaves out the rules nested in it")
        #expect(resolved.rule("B-1")?.location.file == "chapters/02-second.md")
    }

    @Test("an identifier defined twice is reported where it is repeated, and the first definition is kept")
    func duplicate() throws {
        let (resolved, diagnostics) = try handbook([
            ("01-first.md", MemoryHandbook.page("First", "## A-1 The first\n\nText.\n")),
            ("02-second.md", MemoryHandbook.page("Second", "Intro.\n\n## A-1 The same again\n\nText.\n")),
        ]).resolve()

        #expect(diagnostics.map(\.code) == [.ruleDuplicate])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.location == SourceLocation(file: "chapters/02-second.md", line: Self.line(3)))
        #expect(diagnostics.first?.message.contains("chapters/01-first.md:\(Self.line(1))") == true)
        #expect(resolved.rules.count == 1)
        #expect(resolved.rule("A-1")?.title == "The first")
    }

    @Test("a link to an unknown rule is an error, with a did-you-mean when a rule is close")
    func unknownRule() throws {
        let (resolved, diagnostics) = try handbook([
            ("01-first.md", MemoryHandbook.page("First", """
                ## PRIV-2 Keep it private

                See [the rule](rule:PRIV-21), [another](rule:ZED-9) and [](rule:PRIV-2).
                """)),
        ]).resolve()

        #expect(diagnostics.map(\.code) == [.ruleUnknown, .ruleUnknown])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.line == Self.line(3) })
        #expect(diagnostics.first?.message.contains("'PRIV-21'") == true)
        #expect(diagnostics.first?.suggestion == "did you mean PRIV-2?")
        #expect(diagnostics.last?.message.contains("'ZED-9'") == true)
        #expect(diagnostics.last?.suggestion?.contains("did you mean") == false)
        // The known one becomes a link to the rule in its chapter, showing its identifier.
        let html = MemoryHandbook.html(of: resolved.chapters[0])
        #expect(html.contains("<a class=\"rule-ref\" href=\"../chapters/first.html#PRIV-2\" title=\"PRIV-2 Keep it private\">PRIV-2</a>"))
    }

    @Test("bare identifiers in prose are linked and recorded as citations; a rule does not cite itself")
    func citations() throws {
        let resolved = try handbook(
            [
                ("01-first.md", MemoryHandbook.page("First", """
                    Intro that mentions B-1.

                    ## A-1 Do the first thing

                    Follow A-1 and B-1, and B-1 again.
                    """)),
                ("02-second.md", MemoryHandbook.page("Second", "## B-1 Another thing\n\nText.\n")),
            ],
            tipLists: [("quick.md", MemoryHandbook.page("Quick tips", "- **Check first** and see B-1.\n- No rule here.\n"))]
        ).resolved()

        let a1 = try #require(resolved.rule("A-1"))
        let b1 = try #require(resolved.rule("B-1"))
        #expect(a1.references == ["B-1"])
        #expect(a1.citedBy.isEmpty)
        #expect(b1.citedBy == [
            Citation(kind: .chapter, id: "first", url: "chapters/first.html", label: "First"),
            Citation(kind: .rule, id: "A-1", url: "chapters/first.html#A-1", label: "A-1 Do the first thing"),
            Citation(kind: .tip, id: "quick", anchor: "check-first", url: "tips/quick.html#check-first", label: "Check first"),
        ])
        #expect(resolved.tipLists[0].tipRules == [["B-1"], []])

        let html = MemoryHandbook.html(of: resolved.chapters[0])
        #expect(html.contains("<a class=\"rule-ref\" href=\"../chapters/second.html#B-1\" title=\"Another thing\">B-1</a>"))
        #expect(html.contains("<a class=\"rule-ref\" href=\"../chapters/first.html#A-1\" title=\"Do the first thing\">A-1</a>"))
    }

    @Test("however often a place cites a rule, it is cited once, in the order places first cite it")
    func citationsUniqueInOrder() throws {
        let tips = (0..<300).map { "- **Tip \($0).** Mind B-\($0 % 2 == 0 ? 1 : 2), and B-1 again.\n" }.joined()
        let resolved = try handbook(
            [
                ("01-first.md", MemoryHandbook.page("First", """
                    ## A-1 Do the first thing

                    Follow B-2, B-1, B-2 and B-1, then B-3 and B-2.

                    ## A-2 Do the second thing

                    Follow B-1 and B-1.
                    """)),
                ("02-second.md", MemoryHandbook.page("Second", "## B-1 One\n\nText.\n\n## B-2 Two\n\nText.\n\n## B-3 Three\n\nText.\n")),
            ],
            tipLists: [("quick.md", MemoryHandbook.page("Quick tips", tips))]
        ).resolved()

        let a1 = try #require(resolved.rule("A-1"))
        let b1 = try #require(resolved.rule("B-1"))
        let b2 = try #require(resolved.rule("B-2"))
        #expect(a1.references == ["B-2", "B-1", "B-3"])
        #expect(b1.citedBy.map(\.id) == ["A-1", "A-2"] + Array(repeating: "quick", count: 300))
        #expect(b1.citedBy.compactMap(\.anchor) == (0..<300).map { "tip-\($0)" })
        #expect(b2.citedBy.map(\.id) == ["A-1"] + Array(repeating: "quick", count: 150))
        #expect(Set(b1.citedBy).count == b1.citedBy.count)
        #expect(resolved.tipLists[0].tipRules == (0..<300).map { $0 % 2 == 0 ? ["B-1"] : ["B-2", "B-1"] })
    }

    @Test("did-you-mean for many unknown identifiers is the one the search of every rule gives")
    func suggestionsThroughIndex() throws {
        let identifiers = (1...40).map { "CONF-\($0)" } + (1...40).map { "PRIV-\($0)" } + ["CONF-2.1", "PRV-3"]
        let rules = identifiers.map { "## \($0) Rule \($0)\n\nText.\n\n" }.joined()
        let links = ["CNOF-12", "CONF-41", "CONF-41", "PRIV-3.2", "PRV-4", "conf-7", "ZED-1", "CONF-2.11", "PRIV-", "CONF-1234"]
        let mentions = ["CONF-123", "CONF-2.2", "PRIV-400", "PRV-33", "CONF-41", "CONF-41"]
        let text = links.map { "[x](rule:\($0))" }.joined(separator: " ") + "\n\n" + mentions.joined(separator: " ") + "\n"
        let (_, diagnostics) = try handbook([
            ("01-rules.md", MemoryHandbook.page("Rules", rules)),
            ("02-text.md", MemoryHandbook.page("Text", text)),
        ]).resolve()

        let unknown = diagnostics.filter { $0.code == .ruleUnknown }
        #expect(unknown.map { $0.suggestion ?? "" } == links.map { link in
            Suggestion.closest(to: link, in: identifiers).map { "did you mean \($0)?" }
                ?? "define it with a heading such as `## \(link) Title`"
        })
        let undefined = diagnostics.filter { $0.code == .ruleUndefinedReference }
        #expect(undefined.map { $0.suggestion ?? "" } == mentions.map { mention in
            let prefix = RuleGrammar.standard.prefix(of: mention)
            let close = Suggestion.closest(to: mention, in: identifiers.filter { RuleGrammar.standard.prefix(of: $0) == prefix })
            return (close.map { "did you mean \($0)? " } ?? "") + "If it is not a rule, write it as code: `\(mention)`"
        })
    }

    @Test("a parent listing its sub-rules and a chapter's overview of its own rules are kept apart as structure")
    func structuralCitations() throws {
        let resolved = try handbook([
            ("01-first.md", MemoryHandbook.page("First", """
                This chapter's rules: A-1 and A-2.

                ## A-1 Do the first thing

                It has two parts, A-1.1 and A-1.2, and leans on A-2.

                ### A-1.1 First part

                See A-1.2.

                ### A-1.2 Second part

                Text.

                ## A-2 Do the second thing

                More.
                """)),
        ]).resolved()

        let a1 = try #require(resolved.rule("A-1"))
        let a11 = try #require(resolved.rule("A-1.1"))
        let a12 = try #require(resolved.rule("A-1.2"))
        let a2 = try #require(resolved.rule("A-2"))
        #expect(a1.citedBy.map(\.kind) == [.overview])
        #expect(a11.citedBy.map(\.kind) == [.parent])
        #expect(a12.citedBy.map(\.kind) == [.parent, .rule])
        #expect(a12.citedBy.map(\.id) == ["A-1", "A-1.1"])
        #expect(a2.citedBy.map(\.kind) == [.overview, .rule])
        #expect(a2.citedBy.filter(\.kind.isShownAsCitation).map(\.id) == ["A-1"])
        #expect(a1.references == ["A-1.1", "A-1.2", "A-2"])
    }

    @Test("an identifier with a known prefix but no rule is a warning; one with an unknown prefix is prose")
    func undefinedReference() throws {
        let (resolved, diagnostics) = try handbook([
            ("01-first.md", MemoryHandbook.page("First", "## B-1 A rule\n\nNot B-12, nor COVID-19.\n")),
        ]).resolve()

        #expect(diagnostics.map(\.code) == [.ruleUndefinedReference])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.location.line == Self.line(3))
        #expect(diagnostics.first?.suggestion?.hasPrefix("did you mean B-1? ") == true)
        #expect(!MemoryHandbook.html(of: resolved.chapters[0]).contains("B-12</a>"))
    }

    @Test("links to a chapter and its anchors are rewritten for the site; a missing anchor or page is reported")
    func links() throws {
        let (resolved, diagnostics) = try handbook([
            ("01-first.md", MemoryHandbook.page("First", """
                ## A-1 First rule

                Read [the chapter](02-second.md), [its rule](02-second.md#B-1), [a section](02-second.md#background),
                [nothing](02-second.md#nowhere), [a typo](02-second.md#backround) and [a lost page](02-secnd.md).
                """)),
            ("02-second.md", MemoryHandbook.page("Second", "## Background\n\nWords.\n\n## B-1 Other rule\n\nText.\n")),
        ]).resolve()

        let html = MemoryHandbook.html(of: resolved.chapters[0])
        #expect(html.contains("href=\"../chapters/second.html\""))
        #expect(html.contains("href=\"../chapters/second.html#B-1\""))
        #expect(html.contains("href=\"../chapters/second.html#background\""))

        #expect(diagnostics.map(\.code) == [.linkAnchor, .linkAnchor, .linkBroken])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.file == "chapters/01-first.md" })
        #expect(diagnostics[0].message == "'chapters/02-second.md' has no heading or tip with the anchor '#nowhere'")
        #expect(diagnostics[0].suggestion?.contains("did you mean") == false)
        #expect(diagnostics[1].suggestion == "did you mean '#background'?")
        #expect(diagnostics[2].suggestion == "did you mean 'chapters/02-second.md'?")
    }

    @Test("media links are checked against the media files and percent-encoded; images from other sites are refused")
    func media() throws {
        let (resolved, diagnostics) = try handbook(
            [
                ("01-first.md", MemoryHandbook.page("First", """
                    ![A photo](../media/photo%20one.png)

                    ![A typo](../media/photo-one.png)

                    ![Composed](../media/caf%C3%A9.png)

                    ![Elsewhere](https://example.org/x.png)
                    """)),
            ],
            media: ["photo one.png", "cafe\u{301}.png"]
        ).resolve()

        #expect(MemoryHandbook.html(of: resolved.chapters[0]).contains("src=\"../media/photo%20one.png\""))
        // The decomposed name is linked to by no page, only by a link in the other form.
        #expect(diagnostics.map(\.code) == [.mediaMissing, .linkUnicodeForm, .imageExternal, .mediaUnused])
        #expect(diagnostics.map(\.location.line) == [3, 5, 7].map(Self.line) + [1])
        #expect(diagnostics[0].suggestion == "did you mean 'media/photo one.png'?")
    }

    @Test("a change note is kept with the rule it is in, hidden from the page, and reported outside a rule")
    func changeNotes() throws {
        let (resolved, diagnostics) = try handbook(
            [
                ("01-first.md", MemoryHandbook.page("First", """
                    > Change note: Not about any rule.

                    ## A-1 First rule

                    Text.

                    > Change note: Now says text.
                    """)),
            ],
            tipLists: [("quick.md", MemoryHandbook.page("Quick tips", "- A tip.\n\n> Change note: Tips have none.\n"))]
        ).resolve()

        #expect(diagnostics.map(\.code) == [.changeNoteOutsideRule, .changeNoteOutsideRule])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.map(\.location) == [
            SourceLocation(file: "chapters/01-first.md", line: Self.line(1)),
            SourceLocation(file: "tips/quick.md", line: Self.line(3)),
        ])
        #expect(resolved.rule("A-1")?.changeNote?.text == "Now says text.")
        #expect(resolved.rule("A-1")?.wording == "Text.")
        let html = MemoryHandbook.html(of: resolved.chapters[0])
        #expect(!html.contains("Change note") && html.contains("Text."))
    }

    @Test("ResolveStep keeps the ids the templates write free: a heading named like one gets another anchor")
    func reservedAnchors() throws {
        let templates = try MemoryHandbook.templates()
        #expect(templates.reservedIDs.contains("rules"))
        let book = handbook([("01-first.md", MemoryHandbook.page("First", "## Rules\n\nText.\n"))])
        #expect(try book.resolved().chapters[0].anchors.headings == ["rules"])
        #expect(try book.resolved(templates: templates).chapters[0].anchors.headings == ["rules-1"])
    }
}
