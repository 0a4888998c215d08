import Foundation
import Testing
@testable import HandbookKit

/// `serve` resolves again only the pages an edit touches (`ResolveMemo`). Each case resolves a
/// handbook, edits it, and resolves the edit twice, with the memo and afresh: the two must agree
/// in every rule, page and diagnostic.
@Suite("ResolveMemo")
struct ResolveMemoTests {
    private static let one = ("01-one.md", MemoryHandbook.page("One", """
        ## A-1 First rule

        Follow B-1 and read [the second](02-two.md#B-1).

        ## A-2 Second rule

        See [](rule:B-2) and [details](02-two.md#details).
        """))
    private static let two = ("02-two.md", MemoryHandbook.page("Two", """
        ## B-1 Rule b one

        Text of B-1.

        ## B-2 Rule b two

        More, citing A-1.

        ### Details

        Detail text.
        """))
    private static let three = ("03-three.md", MemoryHandbook.page("Three", """
        An overview citing A-2, and a mention of XYZ-1 that is not a rule yet.

        ## C-1 Third rule

        Text of C-1, citing B-1.
        """))
    private static let tips = ("tips.md", MemoryHandbook.page("Tips", """
        - **Do this.** Follow A-1 (C-1).
        - Another tip, citing B-2.
        """))

    private static let base = MemoryHandbook(chapters: [one, two, three], tipLists: [tips])

    private static func editing(_ index: Int, _ body: String) -> MemoryHandbook {
        var handbook = base
        handbook.chapters[index].text = MemoryHandbook.page(["One", "Two", "Three"][index], body)
        return handbook
    }

    static let edits: [(String, MemoryHandbook)] = [
        ("a word of a rule's text", editing(1, two.1.components(separatedBy: "---\n\n").last!.replacingOccurrences(of: "Text of B-1.", with: "New text of B-1."))),
        ("the title of a rule other pages cite", editing(1, two.1.components(separatedBy: "---\n\n").last!.replacingOccurrences(of: "Rule b one", with: "Rule b one, renamed"))),
        ("a cited rule removed", editing(1, "## B-1 Rule b one\n\nText of B-1.\n\n### Details\n\nDetail text.\n")),
        ("a linked heading renamed", editing(1, two.1.components(separatedBy: "---\n\n").last!.replacingOccurrences(of: "### Details", with: "### More details"))),
        ("a rule with the prefix of a mention that was not a rule", editing(1, two.1.components(separatedBy: "---\n\n").last! + "\n\n## XYZ-2 New prefix\n\nText.\n")),
        ("a rule moved to another chapter", {
            var handbook = editing(1, "## B-1 Rule b one\n\nText of B-1.\n\n### Details\n\nDetail text.\n")
            handbook.chapters[2].text = MemoryHandbook.page("Three", "## B-2 Rule b two\n\nMore, citing A-1.\n\n## C-1 Third rule\n\nText of C-1, citing B-1.\n")
            return handbook
        }()),
        ("a later chapter's rule defined again in an earlier one", editing(0, one.1.components(separatedBy: "---\n\n").last! + "\n\n## C-1 Defined here too\n\nText.\n")),
        ("an earlier chapter's rule defined again in a later one", editing(2, three.1.components(separatedBy: "---\n\n").last! + "\n\n## a-1 Differs in case only\n\nText.\n")),
        ("a chapter added before the others", {
            var handbook = base
            handbook.chapters.insert(("00-zero.md", MemoryHandbook.page("Zero", "## Z-1 Zero rule\n\nCiting C-1.\n")), at: 0)
            return handbook
        }()),
    ]

    @Test("a handbook resolved with the memo of an earlier version is the handbook resolved afresh", arguments: edits)
    func sameAsAfresh(_ edit: String, _ edited: MemoryHandbook) throws {
        let (_, _, memo) = try Self.base.resolve(memo: nil)
        let (withMemo, memoProblems, _) = try edited.resolve(memo: memo)
        let (afresh, problems, _) = try edited.resolve(memo: nil)
        #expect(withMemo.rules == afresh.rules, "\(edit)")
        #expect(memoProblems == problems, "\(edit)")
        for (left, right) in zip(withMemo.chapters + withMemo.tipLists, afresh.chapters + afresh.tipLists) {
            #expect(left.instructions == right.instructions, "\(edit): \(right.page.contentPath)")
            #expect(left.anchors.headings == right.anchors.headings && left.anchors.tips == right.anchors.tips)
            #expect(left.tipRules == right.tipRules)
        }
    }

    /// Edits that leave every page in its place and every chapter's rule identifiers as they
    /// were, which `Resolver.patch` brings up to date without collecting and joining again.
    static let patchable: [(String, MemoryHandbook)] = Array(edits.prefix(2)) + [
        edits[3],
        // Lower case is not this grammar's: a plain heading, with a warning.
        edits[7],
        ("a citation changed to another rule", editing(0, one.1.components(separatedBy: "---\n\n").last!.replacingOccurrences(of: "Follow B-1", with: "Follow B-2"))),
        ("every citation of a page removed", editing(2, "An overview.\n\n## C-1 Third rule\n\nText of C-1.\n")),
        ("a rule nested under another", editing(1, two.1.components(separatedBy: "---\n\n").last!.replacingOccurrences(of: "## B-2 Rule b two", with: "### B-2 Rule b two"))),
        ("a tip's text", {
            var handbook = base
            handbook.tipLists[0].text = MemoryHandbook.page("Tips", "- **Do this.** Follow A-2 (C-1).\n- Another tip, citing B-1 and B-2.\n")
            return handbook
        }()),
        ("a broken link added, with its did-you-mean", editing(0, one.1.components(separatedBy: "---\n\n").last! + "\n\nSee [](rule:B-3).\n")),
    ]

    @Test("an edit that keeps each chapter's rule identifiers is patched, and resolves as afresh", arguments: patchable)
    func patched(_ edit: String, _ edited: MemoryHandbook) throws {
        // With a warning that is kept from the last resolve, for a page the edit leaves alone.
        var base = Self.base
        base.media = ["unused.png"]
        var edited = edited
        edited.media = base.media
        let (_, problems, memo) = try base.resolve(memo: nil)
        #expect(problems.contains { $0.message.contains("unused.png") })
        let patchedMemo = try patch(memo, to: edited, "\(edit)")
        // And back: the patched memo patches again.
        _ = try patch(patchedMemo, to: base, "\(edit), undone")
    }

    /// `memo` patched to `handbook`, which must resolve as it does afresh; the memo for the next.
    private func patch(_ memo: ResolveMemo, to handbook: MemoryHandbook, _ label: String) throws -> ResolveMemo {
        var memo = memo
        let loaded = try handbook.loaded()
        let (patched, patchProblems, next) = try #require(Resolver.patch(
            config: loaded.config, chapters: loaded.chapters, tipLists: loaded.tipLists, media: loaded.media, memo: &memo), "\(label)")
        let (afresh, problems, _) = try handbook.resolve(memo: nil)
        #expect(patched.rules == afresh.rules, "\(label)")
        #expect(patchProblems == problems, "\(label)")
        for (left, right) in zip(patched.chapters + patched.tipLists, afresh.chapters + afresh.tipLists) {
            #expect(left.instructions == right.instructions, "\(label): \(right.page.contentPath)")
        }
        return next
    }

    @Test("an edit that adds, removes or moves a rule or a page is resolved whole")
    func notPatched() throws {
        let (_, _, base) = try Self.base.resolve(memo: nil)
        for (edit, edited) in Self.edits where !Self.patchable.contains(where: { $0.0 == edit }) {
            let loaded = try edited.loaded()
            var memo = base
            let patched = Resolver.patch(config: loaded.config, chapters: loaded.chapters, tipLists: loaded.tipLists, media: loaded.media, memo: &memo) != nil
            #expect(!patched, "\(edit)")
        }
        // After a resolve that refused a definition, nothing is patched: the refusal names the
        // place of a rule another chapter may move.
        let (_, problems, refusing) = try Self.edits[6].1.resolve(memo: nil)
        #expect(problems.contains { $0.message.contains("defined twice") })
        #expect(refusing.last == nil)
    }

    @Test("an edit that changes nothing other pages read resolves only the edited page again")
    func reusesUntouchedPages() throws {
        let (_, _, memo) = try Self.base.resolve(memo: nil)
        let (_, _, next) = try Self.edits[0].1.resolve(memo: memo)
        #expect(next.reused == ["chapters/01-one.md", "chapters/03-three.md", "tips/tips.md"])
    }

    @Test("a rule's new title resolves again the pages that cite it, and only those")
    func resolvesCitingPages() throws {
        let (_, _, memo) = try Self.base.resolve(memo: nil)
        let (_, _, next) = try Self.edits[1].1.resolve(memo: memo)
        // One and Three cite B-1; the tip list cites A-1, C-1 and B-2.
        #expect(next.reused == ["tips/tips.md"])
    }

    @Test("pages with diagnostics are resolved again every time, so that none is lost")
    func diagnosticsAreNotKept() throws {
        let (_, problems, memo) = try Self.edits[2].1.resolve(memo: nil)
        #expect(problems.contains { $0.message.contains("B-2") })
        let (_, again, next) = try Self.edits[2].1.resolve(memo: memo)
        #expect(again == problems)
        #expect(!next.reused.contains("chapters/01-one.md"))
    }

    @Test("a whole build keeps nothing for a next one, and resolves the same")
    func wholeBuildKeepsNothing() throws {
        let (handbook, problems, memo) = try Self.base.resolve(memo: nil, remembering: false)
        #expect(memo.resolved.isEmpty && memo.anchors.isEmpty && memo.collected.isEmpty)
        let (remembered, rememberedProblems, _) = try Self.base.resolve(memo: nil)
        #expect(handbook.rules == remembered.rules)
        #expect(problems == rememberedProblems)
    }

    @Test("other settings resolve every page again", arguments: ["broken_links: warning\n", "allow_raw_html: true\n"])
    func settings(_ setting: String) throws {
        let (_, _, memo) = try Self.base.resolve(memo: nil)
        var changed = Self.base
        changed.config += setting
        let (_, _, next) = try changed.resolve(memo: memo)
        #expect(next.reused.isEmpty)
    }
}
