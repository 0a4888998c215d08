import HandbookMarkdown

/// Finds the rules, checks and rewrites every link and rule reference, and records who cites
/// whom: the rules are collected one chapter after another, then the pages are resolved against
/// them on every core (`PageResolver`), and what they cite is joined in the pages' order. Pages
/// are rendered at depth one (chapters/, tips/, rules/), so every link written into a page
/// starts with `../`.
struct Resolver {
    private(set) var diagnostics: [Diagnostic] = []
    private var rules: [Rule] = []
    private var ruleIndex: [String: Int] = [:]
    /// The same, by identifiers in lower case (`definitionProblem`).
    private var ruleIndexByFoldedIdentifier: [String: Int] = [:]
    private var grammar = RuleGrammar.standard
    /// The identifiers of the rules by their prefix (`RuleGrammar.prefix`).
    private var identifiersByPrefix: [Substring: [String]] = [:]
    /// For each chapter, the innermost rule of each of its top-level blocks.
    private var innermostRuleOfBlock: [[Int?]] = []
    /// Rule indices by chapter, in document order.
    private var rulesByChapter: [[Int]] = []
    /// Each rule's link from a page, by rule index (`RuleTable.ruleURLs`).
    private var ruleURLs: [String] = []
    /// How many definitions `definitionProblem` has refused: a chapter collected while it
    /// refused one depends on the chapters before it, and is not kept in the memo.
    private var definitionsRefused = 0

    /// With `memo`, the pages of an earlier build in the same process that nothing has changed
    /// for are taken from it; with `remembering`, the memo for the next build is returned (else
    /// an empty one: a whole build would only hold every page twice).
    static func resolve(
        config: HandbookConfig, chapters: [ParsedPage], tipLists: [ParsedPage],
        media: [MediaFile], reservedAnchors: Set<String> = [], memo: consuming ResolveMemo? = nil, remembering: Bool = false
    ) -> (ResolvedHandbook, [Diagnostic], ResolveMemo) {
        var resolver = Resolver()
        resolver.grammar = config.ruleGrammar
        let settings = ResolveMemo.Settings(
            grammar: config.ruleGrammar, allowRawHTML: config.allowRawHTML, brokenLinksAreWarnings: config.brokenLinksAreWarnings,
            reservedAnchors: reservedAnchors)
        // Owned here, so that a patch changes it in place rather than copying all it holds.
        var memo = consume memo
        if memo?.settings != settings { memo = nil }
        if remembering, memo != nil, let patched = patch(config: config, chapters: chapters, tipLists: tipLists, media: media, memo: &memo!) {
            return patched
        }
        // Nil in a whole build, which keeps nothing for a next one.
        var nextMemo = remembering ? ResolveMemo(settings: settings) : nil
        let pages = chapters.enumerated().map { ($1, Optional($0)) } + tipLists.map { ($0, Int?.none) }

        var building = RuleTable(grammar: config.ruleGrammar, brokenLinksAreWarnings: config.brokenLinksAreWarnings)
        var anchors: [PageAnchors] = []
        // By page, for `LastResolve`.
        var anchorProblems: [[Diagnostic]] = []
        var collectProblems: [[Diagnostic]] = []
        for (page, chapterIndex) in pages {
            let anchored = anchored(page, chapterIndex: chapterIndex, memo: memo, reservedAnchors: reservedAnchors)
            if anchored.problems.isEmpty { nextMemo?.anchors[page.contentPath] = anchored.kept }
            resolver.diagnostics += anchored.problems
            anchorProblems.append(anchored.problems)
            anchors.append(anchored.kept.anchors)
            building.pagesByContentPath[page.contentPath] = .init(page: page, anchors: anchored.kept.all)
            building.aliasesByContentPath[page.contentPath] = anchored.kept.anchors
        }
        for file in media {
            let path = SiteLayout.media(file.relativePath)
            building.mediaPaths.insert(ExactText(path))
            building.mediaByNormalisedPath[ExactText(UnicodeForm.nfc(path))] = path
        }
        resolver.rulesByChapter = Array(repeating: [], count: chapters.count)
        resolver.innermostRuleOfBlock = Array(repeating: [], count: chapters.count)
        // Each chapter's rules gathered on every core, as if no other chapter defined any: the
        // loop then checks them against the chapters before, as it does the memo's. Gathered one
        // chapter after another they were a fifth of a 10,000-chapter build's first phase.
        let grammar = config.ruleGrammar
        let memoForRuns = memo
        let alone = Array(chapters.enumerated()).mappingRuns(of: 32) { run in
            run.map { index, chapter -> CollectedRules? in
                if let kept = memoForRuns?.collected[chapter.contentPath], kept.source == .init(chapter, chapterIndex: index) { return nil }
                return collectedAlone(chapter, chapterIndex: index, grammar: grammar)
            }
        }
        for (index, chapter) in chapters.enumerated() {
            let first = resolver.diagnostics.count
            resolver.collect(chapter, chapterIndex: index, memo: memo, alone: alone[index], into: &nextMemo)
            collectProblems.append(Array(resolver.diagnostics[first...]))
        }
        for tipList in tipLists {
            let first = resolver.diagnostics.count
            resolver.reportRuleHeadings(in: tipList)
            collectProblems.append(Array(resolver.diagnostics[first...]))
        }
        // The rules move into the table and back, so that joining the citations finds them
        // held once and adds to them in place rather than copying every rule.
        building.rules = resolver.rules
        resolver.rules = []
        building.ruleIndex = resolver.ruleIndex
        building.ruleURLs = resolver.ruleURLs
        building.identifiersByPrefix = resolver.identifiersByPrefix
        building.innermostRuleOfBlock = resolver.innermostRuleOfBlock
        let resolutions: [(PageResolution, reused: Bool)]
        (resolutions, resolver.rules) = resolvePages(
            Array(zip(pages, anchors)), table: building, memo: memo, recordingLookups: remembering)
        // Kept for the next resolve's patch; else let go before the citations are joined, which
        // then add to the rules in place.
        var collected = RuleTable()
        if nextMemo != nil {
            collected = building
            collected.rules = resolver.rules
        }
        building = RuleTable()
        var usedMedia: Set<ExactText> = []
        for ((page, chapterIndex), (resolution, reused)) in zip(pages, resolutions) {
            if reused { nextMemo?.reused.insert(page.contentPath) }
            resolver.diagnostics += resolution.diagnostics
            usedMedia.formUnion(resolution.usedMedia)
            resolver.join(resolution)
            if resolution.diagnostics.isEmpty {
                nextMemo?.resolved[page.contentPath] = .init(source: .init(page, chapterIndex: chapterIndex), resolution: resolution)
            }
        }
        if !config.allowRawHTML {
            resolver.diagnostics += UnusedMedia.problems(media, used: usedMedia)
        }
        let handbook = ResolvedHandbook(
            config: config, chapters: resolutions.prefix(chapters.count).map(\.0.page),
            tipLists: resolutions.dropFirst(chapters.count).map(\.0.page), rules: resolver.rules,
            ruleIndex: resolver.ruleIndex, rulesByChapter: resolver.rulesByChapter, chapterPaths: chapters.map(\.outputPath),
            media: media)
        resolver.diagnostics += SituationCheck.problems(config.situations, ruleIndex: handbook.ruleIndex, rules: handbook.rules)
        if resolver.definitionsRefused == 0, nextMemo != nil {
            let resolved = resolutions.map(\.0)
            nextMemo?.last = LastResolve(
                sources: pages.map { ResolveMemo.Source($0, chapterIndex: $1) }, contentPaths: pages.map(\.0.contentPath),
                mediaPaths: media.map(\.relativePath), table: collected, rulesByChapter: resolver.rulesByChapter, rules: resolver.rules,
                resolutions: resolved, anchors: anchors, anchorProblems: anchorProblems, collectProblems: collectProblems,
                citingPages: LastResolve.citingPages(resolved, ruleIndex: resolver.ruleIndex, ruleCount: resolver.rules.count))
        }
        return (handbook, resolver.diagnostics, nextMemo ?? ResolveMemo(settings: settings))
    }

    /// A page's anchors, from `memo` when it has them, and what checking them found: the memo
    /// for the next resolve keeps them when that is nothing.
    static func anchored(
        _ page: ParsedPage, chapterIndex: Int?, memo: ResolveMemo?, reservedAnchors: Set<String>
    ) -> (kept: ResolveMemo.Anchored, problems: [Diagnostic]) {
        if let kept = memo?.anchors(of: page, chapterIndex: chapterIndex) { return (kept, []) }
        var computed = PageAnchors.compute(for: page.outline, withTips: page.kind == .tipList, reserved: reservedAnchors)
        let problems = AnchorCheck.check(page, anchors: &computed, reserved: reservedAnchors)
        return (ResolveMemo.Anchored(source: .init(page, chapterIndex: chapterIndex), anchors: computed, all: computed.all), problems)
    }

    /// A chapter's rules collected as if no other chapter defined any, and what collecting them
    /// reported; nil when a definition was refused. For `patch`, which compares them with the
    /// rules the chapter had.
    static func collectedAlone(_ chapter: ParsedPage, chapterIndex: Int, grammar: RuleGrammar) -> CollectedRules? {
        // Collected as the only chapter, then placed: no chapter's storage is needed but its own.
        var alone = Resolver()
        alone.grammar = grammar
        alone.rulesByChapter = [[]]
        alone.innermostRuleOfBlock = [[]]
        alone.collectRules(of: chapter, chapterIndex: 0)
        guard alone.definitionsRefused == 0 else { return nil }
        let urlPrefix = SiteLayout.rootFromPage + SiteLayout.chapterPage(chapter.slug) + "#"
        alone.ruleURLs = alone.rules.map { urlPrefix + URLEncoding.fragment($0.identifier) }
        for index in alone.rules.indices { alone.rules[index].chapter = chapterIndex }
        return alone.collected(from: 0, diagnostics: 0, chapterIndex: 0)
    }

    /// What a tip list reports for defining rules or explaining changes, which only chapters do.
    static func ruleHeadingProblems(in tipList: ParsedPage) -> [Diagnostic] {
        var alone = Resolver()
        alone.reportRuleHeadings(in: tipList)
        return alone.diagnostics
    }

    /// Each page resolved against `table`, or taken from `memo`, in runs of pages on every core
    /// (each run worth scheduling); and the table's rules, given back.
    static func resolvePages(
        _ pages: [((ParsedPage, Int?), PageAnchors)], table: RuleTable, memo: ResolveMemo?, recordingLookups: Bool
    ) -> ([(PageResolution, reused: Bool)], [Rule]) {
        let resolutions = withExtendedLifetime(SuggestionCache(table)) { suggestions in
            pages.mappingRuns(of: 32) { run in
                run.map { pair in
                    let ((page, chapterIndex), anchors) = pair
                    if let kept = memo?.resolution(of: page, chapterIndex: chapterIndex, table: table) { return (kept, true) }
                    let resolution = PageResolver.resolve(
                        page, anchors: anchors, chapterIndex: chapterIndex, table: table, suggestions: suggestions,
                        recordingLookups: recordingLookups)
                    return (resolution, false)
                }
            }
        }
        return (resolutions, table.rules)
    }

    /// What a page cites, added to the rules in the order the page met it. The page has listed
    /// each once, and no two pages can list the same (`PageResolution`).
    private mutating func join(_ resolution: PageResolution) {
        for reference in resolution.references {
            guard let source = ruleIndex[reference.source] else { continue }
            rules[source].references.append(reference.target)
        }
        for citing in resolution.citations {
            guard let target = ruleIndex[citing.target] else { continue }
            rules[target].citedBy.append(citing.citation)
        }
    }

    // MARK: Rules

    /// A chapter's rules: those collected from it in the last build when its text and place are
    /// the same and the chapters before it define none of them, or else collected afresh.
    /// A chapter's rules: those the memo or `alone` has for its text and place (gathered as if
    /// no other chapter defined any), when the chapters before it define none of them; else
    /// collected here, against those chapters, which reports the clash.
    private mutating func collect(
        _ chapter: ParsedPage, chapterIndex: Int, memo: ResolveMemo?, alone: CollectedRules? = nil, into next: inout ResolveMemo?
    ) {
        let source = ResolveMemo.Source(chapter, chapterIndex: chapterIndex)
        let kept = memo?.collected[chapter.contentPath].flatMap { $0.source == source ? $0.rules : nil } ?? alone
        if let kept,
            zip(kept.rules, kept.foldedIdentifiers).allSatisfy({ definitionProblem($0.identifier, folded: $1, at: $0.location) == nil })
        {
            add(kept, chapterIndex: chapterIndex)
            next?.collected[chapter.contentPath] = .init(source: source, rules: kept)
            return
        }
        let firstRule = rules.count
        let firstDiagnostic = diagnostics.count
        let refused = definitionsRefused
        collectRules(of: chapter, chapterIndex: chapterIndex)
        let urlPrefix = SiteLayout.rootFromPage + SiteLayout.chapterPage(chapter.slug) + "#"
        ruleURLs += rules[firstRule...].map { urlPrefix + URLEncoding.fragment($0.identifier) }
        guard definitionsRefused == refused, next != nil else { return }
        next?.collected[chapter.contentPath] = .init(
            source: source, rules: collected(from: firstRule, diagnostics: firstDiagnostic, chapterIndex: chapterIndex))
    }

    /// The rules collected since `firstRule`, of the chapter at `chapterIndex`, and the
    /// diagnostics since `firstDiagnostic`.
    private func collected(from firstRule: Int, diagnostics firstDiagnostic: Int, chapterIndex: Int) -> CollectedRules {
        CollectedRules(
            rules: Array(rules[firstRule...]), urls: Array(ruleURLs[firstRule...]),
            foldedIdentifiers: rules[firstRule...].map { $0.identifier.lowercased() },
            prefixes: rules[firstRule...].map { grammar.prefix(of: $0.identifier) },
            innermost: innermostRuleOfBlock[chapterIndex].map { $0.map { $0 - firstRule } },
            diagnostics: Array(diagnostics[firstDiagnostic...]))
    }

    /// A chapter's rules as collected before, numbered after those of the chapters before it.
    private mutating func add(_ collected: CollectedRules, chapterIndex: Int) {
        let firstRule = rules.count
        for (offset, rule) in collected.rules.enumerated() {
            ruleIndex[rule.identifier] = firstRule + offset
            ruleIndexByFoldedIdentifier[collected.foldedIdentifiers[offset]] = firstRule + offset
            rulesByChapter[chapterIndex].append(firstRule + offset)
            identifiersByPrefix[collected.prefixes[offset], default: []].append(rule.identifier)
        }
        rules += collected.rules
        ruleURLs += collected.urls
        innermostRuleOfBlock[chapterIndex] = collected.innermost.map { $0.map { $0 + firstRule } }
        diagnostics += collected.diagnostics
    }

    private mutating func collectRules(of chapter: ParsedPage, chapterIndex: Int) {
        let outline = chapter.outline
        var open: [(identifier: String, level: Int)] = []
        let chapterRule = collectChapterRule(of: chapter, chapterIndex: chapterIndex)
        for heading in outline.headings {
            guard let block = heading.block else { continue }
            open.removeAll { $0.level >= heading.level }
            if let word = heading.refusedIdentifier {
                let place = grammar.position == .end ? "ends with" : "starts with"
                diagnostics.append(.warning(
                    .ruleHeadingRefused, at: heading.location,
                    "this heading \(place) '\(Quoted.text(word))', which looks like a rule identifier but is not one of this handbook's, so this heading becomes a plain heading, not a rule",
                    suggestion: grammar.pattern == nil
                        ? "write the identifier as upper-case letters, a hyphen and numbers (CONF-2.1), or set rule_id_pattern in handbook.yml to your organisation's scheme; if it is not a rule, write the word as code"
                        : "change the identifier to match rule_id_pattern in handbook.yml, or adjust the pattern; if it is not a rule, write the word as code"))
            }
            guard let ruleHeading = heading.rule else { continue }
            let end = outline.blocks.indices.dropFirst(block + 1).first { index in
                if case .heading(let level, _) = outline.blocks[index].kind { return level <= heading.level }
                return false
            } ?? outline.blocks.count
            let identifier = ruleHeading.identifier
            if identifier.utf8.count > InputLimits.identifierBytes {
                diagnostics.append(.error(
                    .ruleIdentifierLength, at: heading.location,
                    "this rule's identifier has \(identifier.utf8.count) characters, over the limit of \(InputLimits.identifierBytes): '\(Quoted.text(identifier))'",
                    suggestion: "give the rule a shorter identifier"))
                continue
            }
            if let problem = TitleLength.problem(ruleHeading.title, what: "rule's title", at: heading.location) {
                diagnostics.append(problem)
            }
            if let problem = definitionProblem(identifier, at: heading.location) {
                diagnostics.append(problem)
                continue
            }
            if ruleHeading.title.isEmpty {
                diagnostics.append(.error(
                    .ruleUntitled, at: heading.location, "rule \(identifier) has no title",
                    suggestion: "write a short title after the identifier, as `## \(identifier) Do this`"))
            }
            let text = outline.blocks[(block + 1)..<end].filter { $0.kind != .changeNote }.map(\.plainText)
                .filter { !$0.isEmpty }.joined(separator: "\n\n")
            ruleIndex[identifier] = rules.count
            ruleIndexByFoldedIdentifier[identifier.lowercased()] = rules.count
            rulesByChapter[chapterIndex].append(rules.count)
            rules.append(Rule(
                identifier: identifier, title: ruleHeading.title, chapter: chapterIndex,
                heading: heading.ordinal, level: heading.level, blocks: block..<end,
                location: heading.location, parent: open.last?.identifier ?? chapterRule, plainText: text))
            identifiersByPrefix[grammar.prefix(of: identifier), default: []].append(identifier)
            open.append((identifier, heading.level))
        }
        let chapterRules = rulesByChapter[chapterIndex]
        // Nested rules start later than the rules around them, so the last rule whose blocks
        // hold a block is its innermost. Each block lies in one rule per heading level at most.
        var innermost = [Int?](repeating: nil, count: outline.blocks.count)
        for ruleIndex in chapterRules {
            for block in rules[ruleIndex].blocks.clamped(to: innermost.indices) { innermost[block] = ruleIndex }
        }
        innermostRuleOfBlock[chapterIndex] = innermost
        var nestedBlocks: [String: [Range<Int>]] = [:]
        for ruleIndex in chapterRules {
            if let parent = rules[ruleIndex].parent { nestedBlocks[parent, default: []].append(rules[ruleIndex].blocks) }
        }
        for ruleIndex in chapterRules {
            // A rule's own blocks: its range without those of the rules nested in it.
            // Marked block by block, so a rule with many sub-rules (a chapter that is one rule)
            // costs its length, not its length times its sub-rules.
            let rule = rules[ruleIndex]
            var isNested = [Bool](repeating: false, count: rule.blocks.count)
            for range in nestedBlocks[rule.identifier] ?? [] {
                for index in range.clamped(to: rule.blocks) { isNested[index - rule.blocks.lowerBound] = true }
            }
            let own = rule.blocks.dropFirst(rule.isChapter ? 0 : 1).filter { index in
                outline.blocks[index].kind != .changeNote && !isNested[index - rule.blocks.lowerBound]
            }
            rules[ruleIndex].wording = chapter.wordings.normalised(own.map { outline.blocks[$0].plainText }.joined(separator: " "))
            rules[ruleIndex].textHash = RuleWording.hash(rules[ruleIndex].wording)
        }
        for note in outline.changeNotes {
            guard let ruleIndex = innermostRule(containing: note.block, chapter: chapterIndex) else {
                diagnostics.append(.warning(
                    .changeNoteOutsideRule, at: note.location, "this change note is not inside a rule, so it is not shown",
                    suggestion: "move it under the heading of the rule it explains"))
                continue
            }
            if note.text.isEmpty {
                diagnostics.append(.error(
                    .changeEmptyNote, at: note.location, "this change note has no text",
                    suggestion: "write what changed and why after `Change note:`, or remove the quote"))
            } else if let earlier = rules[ruleIndex].changeNote {
                diagnostics.append(.error(
                    .changeNoteTwice, at: note.location,
                    "\(rules[ruleIndex].identifier) already has a change note, at \(earlier.location.description)",
                    suggestion: "keep one change note per rule"))
            } else {
                rules[ruleIndex].changeNote = NoteText(text: note.text, location: note.location)
            }
        }
    }

    /// Why `identifier` cannot be defined here: defined already, or in another case only (its
    /// page, rules/ID.html, would be the same file as the other's where names ignore case, as
    /// on macOS and Windows), or the name of a page of the site's own (rules/index.html).
    private mutating func definitionProblem(_ identifier: String, folded: String? = nil, at location: SourceLocation) -> Diagnostic? {
        let problem = definitionProblemFound(identifier, folded: folded ?? identifier.lowercased(), at: location)
        if problem != nil { definitionsRefused += 1 }
        return problem
    }

    private func definitionProblemFound(_ identifier: String, folded: String, at location: SourceLocation) -> Diagnostic? {
        if let existing = ruleIndex[identifier] {
            return .error(
                .ruleDuplicate, at: location,
                "\(identifier) is defined twice: here and at \(rules[existing].location.description)",
                suggestion: "give one of them another identifier")
        }
        if let existing = ruleIndexByFoldedIdentifier[folded] {
            return .error(
                .ruleDuplicate, at: location,
                "\(identifier) differs only in case from \(rules[existing].identifier), at \(rules[existing].location.description): their pages would be one file where file names ignore case, as on macOS and Windows",
                suggestion: "give one of them another identifier")
        }
        if Self.reservedIdentifiers.contains(folded) {
            return .error(
                .ruleReservedIdentifier, at: location,
                "'\(Quoted.text(identifier))' cannot be a rule's identifier: its page would be \(SiteLayout.rulesIndex), the list of all rules",
                suggestion: "give the rule another identifier")
        }
        return nil
    }

    /// Identifiers, lower case, whose rule page would be a page the site writes itself.
    static let reservedIdentifiers: Set<String> = [
        String(SiteLayout.rulesIndex.dropFirst(SiteLayout.rulesFolder.count + 1).dropLast(".html".count)),
    ]

    /// A chapter whose front matter has `id:` is one rule, all of its text; the rules of its
    /// headings are its sub-rules. Returns its identifier.
    private mutating func collectChapterRule(of chapter: ParsedPage, chapterIndex: Int) -> String? {
        guard let identifier = chapter.frontMatter.ruleIdentifier else { return nil }
        let location = chapter.frontMatter.ruleIdentifierLocation ?? SourceLocation(file: chapter.displayPath)
        if let problem = definitionProblem(identifier, at: location) {
            diagnostics.append(problem)
            return nil
        }
        let outline = chapter.outline
        let text = outline.blocks.filter { $0.kind != .changeNote }.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n\n")
        ruleIndex[identifier] = rules.count
        ruleIndexByFoldedIdentifier[identifier.lowercased()] = rules.count
        rulesByChapter[chapterIndex].append(rules.count)
        var rule = Rule(
            identifier: identifier, title: chapter.frontMatter.title, chapter: chapterIndex, heading: -1, level: 1,
            blocks: 0..<outline.blocks.count, location: location, parent: nil, plainText: text)
        rule.isChapter = true
        rules.append(rule)
        identifiersByPrefix[grammar.prefix(of: identifier), default: []].append(identifier)
        return identifier
    }

    private mutating func reportRuleHeadings(in tipList: ParsedPage) {
        if let identifier = tipList.frontMatter.ruleIdentifier {
            diagnostics.append(.error(
                .ruleInTipList, at: tipList.frontMatter.ruleIdentifierLocation ?? SourceLocation(file: tipList.displayPath),
                "rules are defined in chapters, but this tip list has the rule identifier \(identifier)",
                suggestion: "remove `id:` from the tip list's front matter, or make it a chapter"))
        }
        for note in tipList.outline.changeNotes {
            diagnostics.append(.warning(
                .changeNoteOutsideRule, at: note.location, "change notes explain rules, and tip lists have none, so it is not shown",
                suggestion: "remove the note; the changes page lists the tips added and removed"))
        }
        for heading in tipList.outline.headings {
            guard let rule = heading.rule else { continue }
            diagnostics.append(.error(
                .ruleInTipList, at: heading.location,
                "rules are defined in chapters, but \(rule.identifier) is defined in a tip list",
                suggestion: "move the rule to a chapter and refer to it here as \(rule.identifier)"))
        }
    }

    private func innermostRule(containing block: Int, chapter: Int?) -> Int? {
        guard let chapter, innermostRuleOfBlock[chapter].indices.contains(block) else { return nil }
        return innermostRuleOfBlock[chapter][block]
    }
}
