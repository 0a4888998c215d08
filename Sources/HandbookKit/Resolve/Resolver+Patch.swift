extension Resolver {
    /// The resolve of `memo`'s build brought up to date (`LastResolve`), or nil when the edit
    /// moved, added or removed a page or a media file, or changed the identifiers of a
    /// chapter's rules: then everything is collected and joined again. The result, diagnostics
    /// in their order included, is what a resolve from scratch gives; the end-to-end test of
    /// rebuilds compares them after every kind of edit.
    ///
    /// `memo` becomes the memo for the next resolve, in place: the last resolve is taken out of
    /// it, so that changing a few of its thousands of rules and pages copies none of the others.
    /// When the patch does not apply, what is left in `memo` still serves a resolve from scratch.
    static func patch(
        config: HandbookConfig, chapters: [ParsedPage], tipLists: [ParsedPage], media: [MediaFile], memo: inout ResolveMemo
    ) -> (ResolvedHandbook, [Diagnostic], ResolveMemo)? {
        let taken = memo.last
        memo.last = nil
        guard var last = taken else { return nil }
        let pages = chapters.enumerated().map { ($1, Optional($0)) } + tipLists.map { ($0, Int?.none) }
        guard pages.count == last.sources.count, media.map(\.relativePath) == last.mediaPaths else { return nil }
        var changed: [Int] = []
        for (index, (page, chapterIndex)) in pages.enumerated() {
            guard page.contentPath == last.contentPaths[index] else { return nil }
            if ResolveMemo.Source(page, chapterIndex: chapterIndex) != last.sources[index] { changed.append(index) }
        }

        // The rules whose citations or references are joined again.
        var rejoined = Set<Int>()
        for index in changed {
            let (page, chapterIndex) = pages[index]
            let anchored = anchored(page, chapterIndex: chapterIndex, memo: memo, reservedAnchors: memo.settings.reservedAnchors)
            memo.anchors[page.contentPath] = anchored.problems.isEmpty ? anchored.kept : nil
            last.anchors[index] = anchored.kept.anchors
            last.anchorProblems[index] = anchored.problems
            last.table.pagesByContentPath[page.contentPath] = .init(page: page, anchors: anchored.kept.all)
            last.table.aliasesByContentPath[page.contentPath] = anchored.kept.anchors
            last.sources[index] = ResolveMemo.Source(page, chapterIndex: chapterIndex)
            guard let chapterIndex else {
                last.collectProblems[index] = ruleHeadingProblems(in: page)
                continue
            }
            let range = last.ruleRange(ofChapter: chapterIndex)
            guard let collected = collectedAlone(page, chapterIndex: chapterIndex, grammar: memo.settings.grammar),
                collected.rules.map(\.identifier) == last.table.rules[range].map(\.identifier)
            else { return nil }
            last.table.rules.replaceSubrange(range, with: collected.rules)
            last.table.innermostRuleOfBlock[chapterIndex] = collected.innermost.map { $0.map { $0 + range.lowerBound } }
            last.collectProblems[index] = collected.diagnostics
            memo.collected[page.contentPath] = .init(source: .init(page, chapterIndex: chapterIndex), rules: collected)
            rejoined.formUnion(range)
        }

        let resolutions: [(PageResolution, reused: Bool)]
        (resolutions, last.table.rules) = resolvePages(
            Array(zip(pages, last.anchors)), table: last.table, memo: memo, recordingLookups: true)
        memo.reused = []
        for (index, (resolution, reused)) in resolutions.enumerated() {
            let (page, chapterIndex) = pages[index]
            let before = last.resolutions[index]
            // A page taken from the memo is as it was, but holds the page as parsed now.
            last.resolutions[index] = resolution
            if reused {
                memo.reused.insert(page.contentPath)
                continue
            }
            memo.resolved[page.contentPath] = resolution.diagnostics.isEmpty
                ? .init(source: .init(page, chapterIndex: chapterIndex), resolution: resolution) : nil
            for reference in before.references + resolution.references {
                if let rule = last.table.ruleIndex[reference.source] { rejoined.insert(rule) }
            }
            let citedBefore = Set(before.citations.compactMap { last.table.ruleIndex[$0.target] })
            let citedNow = Set(resolution.citations.compactMap { last.table.ruleIndex[$0.target] })
            for rule in citedBefore.subtracting(citedNow) {
                last.citingPages[rule].removeAll { $0 == index }
            }
            for rule in citedNow.subtracting(citedBefore) {
                let place = last.citingPages[rule].firstIndex { $0 > index } ?? last.citingPages[rule].endIndex
                last.citingPages[rule].insert(index, at: place)
            }
            rejoined.formUnion(citedBefore)
            rejoined.formUnion(citedNow)
        }
        // As `join` adds them: a rule's references come from its own chapter's page, its
        // citations from the pages that cite it, in the pages' order.
        for index in rejoined {
            var rule = last.table.rules[index]
            rule.references = last.resolutions[rule.chapter].references.filter { $0.source == rule.identifier }.map(\.target)
            rule.citedBy = last.citingPages[index].flatMap { page in
                last.resolutions[page].citations.filter { $0.target == rule.identifier }.map(\.citation)
            }
            last.rules[index] = rule
        }

        var diagnostics = last.anchorProblems.flatMap { $0 } + last.collectProblems.flatMap { $0 }
        diagnostics += last.resolutions.flatMap(\.diagnostics)
        if !config.allowRawHTML {
            diagnostics += UnusedMedia.problems(media, used: Set(last.resolutions.flatMap(\.usedMedia)))
        }
        let handbook = ResolvedHandbook(
            config: config, chapters: last.resolutions.prefix(chapters.count).map(\.page),
            tipLists: last.resolutions.dropFirst(chapters.count).map(\.page), rules: last.rules,
            ruleIndex: last.table.ruleIndex, rulesByChapter: last.rulesByChapter, chapterPaths: chapters.map(\.outputPath),
            media: media)
        diagnostics += SituationCheck.problems(config.situations, ruleIndex: handbook.ruleIndex, rules: handbook.rules)
        memo.last = last
        return (handbook, diagnostics, memo)
    }
}
