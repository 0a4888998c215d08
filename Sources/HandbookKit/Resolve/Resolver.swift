import HandbookMarkdown

/// Finds the rules, checks and rewrites every link and rule reference, and records who cites
/// whom. Pages are rendered at depth one (chapters/, tips/, rules/), so every link written
/// into a page starts with `../`.
struct Resolver {
    private(set) var diagnostics: [Diagnostic] = []
    private var rules: [Rule] = []
    private var ruleIndex: [String: Int] = [:]
    /// The same, by identifiers in lower case (`definitionProblem`).
    private var ruleIndexByFoldedIdentifier: [String: Int] = [:]
    private var grammar = RuleGrammar.standard
    /// The identifiers of the rules by their prefix (`RuleGrammar.prefix`): the known prefixes,
    /// and where "did you mean" looks for a bare mention.
    private var identifiersByPrefix: [Substring: [String]] = [:]
    /// "Did you mean", made when first asked: over the identifiers of each prefix, over all
    /// identifiers (for `rule:` links), over the pages and media files, and over each page's
    /// anchors (by its content path).
    private var suggestionsByPrefix: [Substring: SuggestionIndex] = [:]
    private var ruleSuggestions: SuggestionIndex?
    private var pathSuggestions: SuggestionIndex?
    private var anchorSuggestions: [String: SuggestionIndex] = [:]
    /// Beside each rule's `citedBy` and `references`, what they hold, so that a rule cited from
    /// thousands of places is not searched through for each.
    private var citationsOfRule: [Set<Citation>] = []
    private var referencesOfRule: [Set<String>] = []
    /// For each chapter, the innermost rule of each of its top-level blocks.
    private var innermostRuleOfBlock: [[Int?]] = []
    private var anchorsByContentPath: [String: (page: ParsedPage, anchors: Set<String>)] = [:]
    /// Media paths byte for byte, and by their NFC form (see `UnicodeForm`).
    private var mediaPaths: Set<ExactText> = []
    private var mediaByNormalisedPath: [ExactText: String] = [:]
    private var chapterSlugs: [String] = []
    private var ruleURLs: [String: String] = [:]
    /// Each page's anchors, for the targets of its aliases.
    private var aliasesByContentPath: [String: PageAnchors] = [:]
    /// The media paths some link or image points to.
    private var usedMedia: Set<ExactText> = []
    /// Rule indices by chapter, in document order.
    private var rulesByChapter: [[Int]] = []
    /// `broken_links: warning`: a missing target is a warning, and the link is shown as text.
    private var brokenLinksAreWarnings = false

    static func resolve(
        config: HandbookConfig, chapters: [ParsedPage], tipLists: [ParsedPage],
        media: [MediaFile], reservedAnchors: Set<String> = []
    ) -> (ResolvedHandbook, [Diagnostic]) {
        var resolver = Resolver()
        resolver.brokenLinksAreWarnings = config.brokenLinksAreWarnings
        resolver.grammar = config.ruleGrammar
        var chapterAnchors = chapters.map { PageAnchors.compute(for: $0.outline, withTips: false, reserved: reservedAnchors) }
        var tipAnchors = tipLists.map { PageAnchors.compute(for: $0.outline, withTips: true, reserved: reservedAnchors) }
        for index in chapters.indices {
            resolver.diagnostics += AnchorCheck.check(chapters[index], anchors: &chapterAnchors[index], reserved: reservedAnchors)
        }
        for index in tipLists.indices {
            resolver.diagnostics += AnchorCheck.check(tipLists[index], anchors: &tipAnchors[index], reserved: reservedAnchors)
        }
        for (page, anchors) in Array(zip(chapters, chapterAnchors)) + Array(zip(tipLists, tipAnchors)) {
            resolver.anchorsByContentPath[page.contentPath] = (page, anchors.all)
            resolver.aliasesByContentPath[page.contentPath] = anchors
        }
        for file in media {
            let path = SiteLayout.media(file.relativePath)
            resolver.mediaPaths.insert(ExactText(path))
            resolver.mediaByNormalisedPath[ExactText(UnicodeForm.nfc(path))] = path
        }
        resolver.chapterSlugs = chapters.map(\.slug)
        resolver.rulesByChapter = Array(repeating: [], count: chapters.count)
        resolver.innermostRuleOfBlock = Array(repeating: [], count: chapters.count)
        for (index, chapter) in chapters.enumerated() {
            resolver.collectRules(of: chapter, chapterIndex: index)
        }
        for tipList in tipLists {
            resolver.reportRuleHeadings(in: tipList)
        }

        let resolvedChapters = zip(chapters, chapterAnchors).enumerated().map { index, pair in
            resolver.resolve(page: pair.0, anchors: pair.1, chapterIndex: index)
        }
        let resolvedTips = zip(tipLists, tipAnchors).map { page, anchors in
            resolver.resolve(page: page, anchors: anchors, chapterIndex: nil)
        }
        if !config.allowRawHTML {
            resolver.diagnostics += UnusedMedia.problems(media, used: resolver.usedMedia)
        }
        let handbook = ResolvedHandbook(
            config: config, chapters: resolvedChapters, tipLists: resolvedTips, rules: resolver.rules,
            ruleIndex: resolver.ruleIndex, rulesByChapter: resolver.rulesByChapter, media: media)
        return (handbook, resolver.diagnostics)
    }

    // MARK: Rules

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
            citationsOfRule.append([])
            referencesOfRule.append([])
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
    private func definitionProblem(_ identifier: String, at location: SourceLocation) -> Diagnostic? {
        if let existing = ruleIndex[identifier] {
            return .error(
                .ruleDuplicate, at: location,
                "\(identifier) is defined twice: here and at \(rules[existing].location.description)",
                suggestion: "give one of them another identifier")
        }
        let folded = identifier.lowercased()
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
        citationsOfRule.append([])
        referencesOfRule.append([])
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

    // MARK: Pages

    private mutating func resolve(page: ParsedPage, anchors: PageAnchors, chapterIndex: Int?) -> ResolvedPage {
        let outline = page.outline
        var instructions = RenderInstructions()
        var tipRules = [[String]](repeating: [], count: anchors.tips.count)
        var tipRulesSeen = [Set<String>](repeating: [], count: anchors.tips.count)
        let sourceFolder = page.contentFolder
        let ownAnchors = anchors.all

        // Headings: every one gets an id; rule headings show their identifier.
        for heading in outline.headings {
            let id = anchors.headings[heading.ordinal]
            if let rule = heading.rule, page.kind == .chapter, ruleIndex[rule.identifier].map({ rules[$0].heading == heading.ordinal && rules[$0].chapter == chapterIndex }) ?? false {
                instructions.headings[heading.ordinal] = HeadingMarkup.rule(
                    level: heading.level, rule: rule, permalink: SiteLayout.url(of: SiteLayout.rulePage(rule.identifier), from: page.outputPath))
            } else {
                instructions.headings[heading.ordinal] = HeadingMarkup.plain(level: heading.level, id: id)
            }
        }
        AliasMarkup.add(anchors, to: &instructions, outline: outline)

        func cite(_ identifier: String, block: Int, tip: Int?) {
            guard let target = ruleIndex[identifier] else { return }
            let citation: Citation
            if page.kind == .tipList {
                if let tip {
                    if tipRulesSeen[tip].insert(identifier).inserted { tipRules[tip].append(identifier) }
                    let anchor = anchors.tips[tip]
                    citation = Citation(
                        kind: .tip, id: page.slug, anchor: anchor, url: "\(page.outputPath)#\(anchor)",
                        label: outline.listItems[tip].lead ?? outline.listItems[tip].plainText)
                } else {
                    citation = Citation(
                        kind: .tip, id: page.slug, url: page.outputPath, label: page.frontMatter.title)
                }
            } else if let source = innermostRule(containing: block, chapter: chapterIndex) {
                guard rules[source].identifier != identifier else { return }
                if referencesOfRule[source].insert(identifier).inserted { rules[source].references.append(identifier) }
                citation = Citation(
                    kind: rules[target].parent == rules[source].identifier ? .parent : .rule, id: rules[source].identifier, url: "\(page.outputPath)#\(rules[source].identifier)",
                    label: "\(rules[source].identifier) \(rules[source].title)")
            } else {
                citation = Citation(
                    kind: rules[target].chapter == chapterIndex ? .overview : .chapter, id: page.slug,
                    url: page.outputPath, label: page.frontMatter.title)
            }
            if citationsOfRule[target].insert(citation).inserted { rules[target].citedBy.append(citation) }
        }

        instructions.hiddenBlocks = Set(outline.changeNotes.map(\.block))

        // Links and images; those in change notes are not shown.
        for link in outline.links where !instructions.hiddenBlocks.contains(link.block) {
            switch LinkTarget.classify(link.url, sourceFolder: sourceFolder) {
            case .rule(let identifier):
                guard let rule = rule(identifier) else {
                    if ruleSuggestions == nil { ruleSuggestions = SuggestionIndex(rules.map(\.identifier)) }
                    let close = ruleSuggestions?.closest(to: identifier)
                    reportBroken(UnknownRuleReference.diagnostic(identifier, at: link.location, closest: close), link: link, in: &instructions)
                    continue
                }
                instructions.links[link.ordinal] = RuleReferenceMarkup.linkRewrite(
                    url: ruleURL(rule), identifier: rule.identifier, title: rule.title)
                cite(identifier, block: link.block, tip: link.tip)
            case .external:
                if link.isImage {
                    diagnostics.append(.error(
                        .imageExternal, at: link.location,
                        "this image is on another site; readers' browsers would fetch it from there",
                        suggestion: "save the image in media/ and link to it as ../media/NAME"))
                }
            case .samePage(let anchor):
                if !anchor.isEmpty && !ownAnchors.contains(anchor) {
                    reportBroken(brokenAnchor(anchor, in: page.contentPath, candidates: ownAnchors, at: link.location), link: link, in: &instructions)
                } else if !anchor.isEmpty {
                    // Written out in full like every other internal link, so that the text reads
                    // the same on its page, on a rule's page, in an embed and in the print edition.
                    instructions.links[link.ordinal] = .init(
                        url: SiteLayout.rootFromPage + "\(page.outputPath)#\(URLEncoding.fragment(anchors.target(of: anchor)))")
                }
            case .rootRelative:
                diagnostics.append(.error(
                    .linkAbsolute, at: link.location,
                    "'\(Quoted.text(link.url))' starts with /, which breaks when the handbook is opened from the disk or a sub-folder",
                    suggestion: "write the link relative to this file, as the source tree has it"))
            case .outsideContent:
                diagnostics.append(.error(
                    .linkBroken, at: link.location, "'\(Quoted.text(link.url))' points outside the content folder",
                    suggestion: "link to chapters, tip lists or files in media/"))
            case .content(let path, let anchor):
                switch resolveContentLink(path: path, anchor: anchor, link: link) {
                case .success(let rewrite): instructions.links[link.ordinal] = rewrite
                case .failure(let problem): reportBroken(problem, link: link, in: &instructions)
                }
            }
        }

        // Bare identifiers in prose.
        for token in outline.identifierTokens where !instructions.hiddenBlocks.contains(token.block) {
            if let rule = rule(token.identifier) {
                instructions.identifierLinks[token.textNode, default: []].append(RuleReferenceMarkup.identifierLink(
                    range: token.range, url: ruleURL(rule), title: rule.title))
                cite(token.identifier, block: token.block, tip: token.tip)
            } else if case let prefix = grammar.prefix(of: token.identifier), let known = identifiersByPrefix[prefix] {
                if suggestionsByPrefix[prefix] == nil { suggestionsByPrefix[prefix] = SuggestionIndex(known) }
                let close = suggestionsByPrefix[prefix]?.closest(to: token.identifier)
                diagnostics.append(.warning(
                    .ruleUndefinedReference, at: token.location,
                    "\(Quoted.text(token.identifier)) looks like a rule identifier, but no rule has it",
                    suggestion: (close.map { "did you mean \($0)? " } ?? "")
                        + "If it is not a rule, write it as code: `\(Quoted.text(token.identifier))`"))
            }
        }
        return ResolvedPage(page: page, anchors: anchors, instructions: instructions, tipRules: tipRules)
    }

    /// The link to a chapter, tip list or media file, or the problem with it; a media file
    /// linked to is recorded as used.
    private mutating func resolveContentLink(
        path: String, anchor: String?, link: DocumentOutline.Link
    ) -> Result<RenderInstructions.LinkRewrite, Diagnostic> {
        if let target = anchorsByContentPath[path] {
            if let anchor, !anchor.isEmpty, !target.anchors.contains(anchor) {
                return .failure(brokenAnchor(anchor, in: path, candidates: target.anchors, at: link.location))
            }
            let landing = anchor.map { aliasesByContentPath[path]?.target(of: $0) ?? $0 }
            let fragment = landing.map { $0.isEmpty ? "" : "#" + URLEncoding.fragment($0) } ?? ""
            return .success(.init(url: SiteLayout.rootFromPage + target.page.outputPath + fragment))
        }
        if mediaPaths.contains(ExactText(path)) {
            usedMedia.insert(ExactText(path))
            let fragment = anchor.map { "#" + URLEncoding.fragment($0) } ?? ""
            return .success(.init(url: SiteLayout.rootFromPage + URLEncoding.path(path) + fragment))
        }
        if let name = mediaByNormalisedPath[ExactText(path)] {
            return .failure(.error(
                .linkUnicodeForm, at: link.location,
                "this link points to '\(Quoted.text(path))', but the file's name is the same text in another Unicode form (accents as separate characters, as some Macs write names), which web servers and browsers treat as a different name",
                suggestion: "rename \(Quoted.text(name)) by retyping its name (or `convmv -f utf8 -t utf8 --nfc --notest`), so it is in the composed form (NFC) links use"))
        }
        if pathSuggestions == nil { pathSuggestions = SuggestionIndex(anchorsByContentPath.keys.map { $0 } + mediaPaths.map(\.text)) }
        let close = pathSuggestions?.closest(to: path)
        let what = link.isImage ? "image" : "link"
        if path.hasPrefix(SiteLayout.mediaFolder + "/") {
            return .failure(.error(
                .mediaMissing, at: link.location, "this \(what) points to '\(Quoted.text(path))', which is not in the content folder",
                suggestion: close.map { "did you mean '\(Quoted.text($0))'?" } ?? "add the file to media/ or fix the path"))
        }
        return .failure(.error(
            .linkBroken, at: link.location, "this \(what) points to '\(Quoted.text(path))', which is not a chapter, tip list or media file",
            suggestion: close.map { "did you mean '\(Quoted.text($0))'?" } ?? "link to a chapter as NN-slug.md, written as in the source tree"))
    }

    /// A link with no target: an error, or in a draft a warning, the link shown as its text.
    private mutating func reportBroken(
        _ problem: Diagnostic, link: DocumentOutline.Link, in instructions: inout RenderInstructions
    ) {
        guard brokenLinksAreWarnings else {
            diagnostics.append(problem)
            return
        }
        var warning = problem
        warning.severity = .warning
        diagnostics.append(warning)
        instructions.links[link.ordinal] = BrokenLinkMarkup.rewrite(url: link.url)
    }

    /// `candidates` are the anchors of the page at `path`, the same on every call for it.
    private mutating func brokenAnchor(
        _ anchor: String, in path: String, candidates: Set<String>, at location: SourceLocation
    ) -> Diagnostic {
        if anchorSuggestions[path] == nil { anchorSuggestions[path] = SuggestionIndex(candidates) }
        let close = anchorSuggestions[path]?.closest(to: anchor)
        return .error(
            .linkAnchor, at: location, "'\(Quoted.text(path))' has no heading or tip with the anchor '#\(Quoted.text(anchor))'",
            suggestion: close.map { "did you mean '#\($0)'?" } ?? "check the heading's text; anchors are lower case with hyphens")
    }

    private func rule(_ identifier: String) -> Rule? {
        ruleIndex[identifier].map { rules[$0] }
    }

    private func innermostRule(containing block: Int, chapter: Int?) -> Int? {
        guard let chapter, innermostRuleOfBlock[chapter].indices.contains(block) else { return nil }
        return innermostRuleOfBlock[chapter][block]
    }

    /// A rule's place in its chapter, from the site root.
    /// A link to `rule` from a page, made once per rule: percent-encoding it at each of
    /// thousands of references was a twelfth of `serve`'s rebuild.
    private mutating func ruleURL(_ rule: Rule) -> String {
        if let url = ruleURLs[rule.identifier] { return url }
        let url = SiteLayout.rootFromPage + SiteLayout.chapterPage(chapterSlugs[rule.chapter]) + "#" + URLEncoding.fragment(rule.identifier)
        ruleURLs[rule.identifier] = url
        return url
    }
}
