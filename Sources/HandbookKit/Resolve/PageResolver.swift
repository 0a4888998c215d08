import HandbookMarkdown

/// Resolves one page against the `RuleTable`: rewrites its headings, links and bare rule
/// identifiers, and notes what it cites and every question it asks of the table. It changes
/// nothing shared, so the pages are resolved on every core.
struct PageResolver {
    let table: RuleTable
    let suggestions: SuggestionCache
    /// Whether each question is noted, for `ResolveMemo`.
    let recordingLookups: Bool
    private var resolution: PageResolution
    /// What `resolution` cites already, so that each citation and reference is noted once.
    /// Every citation holds the page's own path, and a reference's source is a rule of this
    /// chapter, so none can repeat one from another page: these are all the joining needs.
    private var citationsSeen: Set<PageResolution.Citing> = []
    private var referencesSeen: Set<PageResolution.Reference> = []

    static func resolve(
        _ page: ParsedPage, anchors: PageAnchors, chapterIndex: Int?, table: RuleTable, suggestions: SuggestionCache,
        recordingLookups: Bool = true
    ) -> PageResolution {
        var resolver = PageResolver(
            table: table, suggestions: suggestions, recordingLookups: recordingLookups,
            resolution: PageResolution(page: ResolvedPage(page: page, anchors: anchors, instructions: RenderInstructions(), tipRules: [])))
        resolver.resolve(page: page, anchors: anchors, chapterIndex: chapterIndex)
        return resolver.resolution
    }

    private mutating func resolve(page: ParsedPage, anchors: PageAnchors, chapterIndex: Int?) {
        let outline = page.outline
        var instructions = RenderInstructions()
        var tipRules = [[String]](repeating: [], count: anchors.tips.count)
        var tipRulesSeen = [Set<String>](repeating: [], count: anchors.tips.count)
        let sourceFolder = page.contentFolder
        let ownAnchors = anchors.all

        // Headings: every one gets an id; rule headings show their identifier.
        for heading in outline.headings {
            let id = anchors.headings[heading.ordinal]
            if let rule = heading.rule, page.kind == .chapter,
                let facts = ruleFacts(rule.identifier), facts.heading == heading.ordinal, facts.chapter == chapterIndex
            {
                instructions.headings[heading.ordinal] = HeadingMarkup.rule(
                    level: heading.level, rule: rule, permalink: SiteLayout.url(of: SiteLayout.rulePage(rule.identifier), from: page.outputPath))
            } else {
                instructions.headings[heading.ordinal] = HeadingMarkup.plain(level: heading.level, id: id)
            }
        }
        AliasMarkup.add(anchors, to: &instructions, outline: outline)

        func cite(_ target: RuleFacts, block: Int, tip: Int?) {
            let citation: Citation
            if page.kind == .tipList {
                if let tip {
                    if tipRulesSeen[tip].insert(target.identifier).inserted { tipRules[tip].append(target.identifier) }
                    let anchor = anchors.tips[tip]
                    citation = Citation(
                        kind: .tip, id: page.slug, anchor: anchor, url: "\(page.outputPath)#\(anchor)",
                        label: outline.listItems[tip].lead ?? outline.listItems[tip].plainText)
                } else {
                    citation = Citation(kind: .tip, id: page.slug, url: page.outputPath, label: page.frontMatter.title)
                }
            } else if let source = innermostRule(containing: block, chapter: chapterIndex) {
                guard source.identifier != target.identifier else { return }
                let reference = PageResolution.Reference(source: source.identifier, target: target.identifier)
                if referencesSeen.insert(reference).inserted { resolution.references.append(reference) }
                citation = Citation(
                    kind: target.parent == source.identifier ? .parent : .rule, id: source.identifier,
                    url: "\(page.outputPath)#\(source.identifier)", label: "\(source.identifier) \(source.title)")
            } else {
                citation = Citation(
                    kind: target.chapter == chapterIndex ? .overview : .chapter, id: page.slug,
                    url: page.outputPath, label: page.frontMatter.title)
            }
            let citing = PageResolution.Citing(target: target.identifier, citation: citation)
            if citationsSeen.insert(citing).inserted { resolution.citations.append(citing) }
        }

        instructions.hiddenBlocks = Set(outline.changeNotes.map(\.block))

        // Links and images; those in change notes are not shown.
        for link in outline.links where !instructions.hiddenBlocks.contains(link.block) {
            switch LinkTarget.classify(link.url, sourceFolder: sourceFolder) {
            case .rule(let identifier):
                guard let rule = ruleFacts(identifier) else {
                    let close = suggestions.closestRule(to: identifier)
                    reportBroken(UnknownRuleReference.diagnostic(identifier, at: link.location, closest: close), link: link, in: &instructions)
                    continue
                }
                instructions.links[link.ordinal] = RuleReferenceMarkup.linkRewrite(url: rule.url, identifier: rule.identifier, title: rule.title)
                cite(rule, block: link.block, tip: link.tip)
            case .external:
                if link.isImage {
                    resolution.diagnostics.append(.error(
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
                resolution.diagnostics.append(.error(
                    .linkAbsolute, at: link.location,
                    "'\(Quoted.text(link.url))' starts with /, which breaks when the handbook is opened from the disk or a sub-folder",
                    suggestion: "write the link relative to this file, as the source tree has it"))
            case .outsideContent:
                resolution.diagnostics.append(.error(
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
            if let rule = ruleFacts(token.identifier) {
                instructions.identifierLinks[token.textNode, default: []].append(RuleReferenceMarkup.identifierLink(
                    range: token.range, url: rule.url, title: rule.title))
                cite(rule, block: token.block, tip: token.tip)
            } else if case let prefix = table.grammar.prefix(of: token.identifier), isKnown(prefix) {
                let close = suggestions.closestIdentifier(to: token.identifier, prefix: prefix)
                resolution.diagnostics.append(.warning(
                    .ruleUndefinedReference, at: token.location,
                    "\(Quoted.text(token.identifier)) looks like a rule identifier, but no rule has it",
                    suggestion: (close.map { "did you mean \($0)? " } ?? "")
                        + "If it is not a rule, write it as code: `\(Quoted.text(token.identifier))`"))
            }
        }
        // A tip's closing citation of rules that all exist is shown below the tip, with their
        // titles, instead of in its text.
        if page.kind == .tipList {
            for item in outline.listItems where !instructions.hiddenBlocks.contains(item.block) {
                guard let citation = item.trailingCitation, citation.identifiers.allSatisfy({ ruleFacts($0) != nil }) else { continue }
                instructions.droppedTextEnds[citation.textNode] = citation.range.lowerBound
            }
        }
        resolution.page = ResolvedPage(page: page, anchors: anchors, instructions: instructions, tipRules: tipRules)
    }

    // MARK: Questions asked of the table, each noted with its answer

    private mutating func note(_ lookup: ResolveLookup) {
        if recordingLookups { resolution.lookups.append(lookup) }
    }

    private mutating func ruleFacts(_ identifier: String) -> RuleFacts? {
        let facts = table.rule(identifier).map(table.facts(ofRule:))
        note(.rule(identifier, facts))
        return facts
    }

    private mutating func innermostRule(containing block: Int, chapter: Int?) -> RuleFacts? {
        let facts = table.innermostRule(containing: block, chapter: chapter).map(table.facts(ofRule:))
        note(.innermostRule(block: block, facts))
        return facts
    }

    private mutating func isKnown(_ prefix: Substring) -> Bool {
        let known = table.identifiersByPrefix[prefix] != nil
        note(.prefix(String(prefix), known: known))
        return known
    }

    /// The link to a chapter, tip list or media file, or the problem with it; a media file
    /// linked to is recorded as used.
    private mutating func resolveContentLink(
        path: String, anchor: String?, link: DocumentOutline.Link
    ) -> Result<RenderInstructions.LinkRewrite, Diagnostic> {
        let target = table.contentLink(path: path, anchor: anchor)
        switch target {
        case .page(let url):
            note(.contentLink(path: path, anchor: anchor, url: url))
            return .success(.init(url: url))
        case .media(let url, let file):
            note(.contentLink(path: path, anchor: anchor, url: url))
            resolution.usedMedia.append(file)
            return .success(.init(url: url))
        case .missingAnchor(let candidates):
            return .failure(brokenAnchor(anchor ?? "", in: path, candidates: candidates, at: link.location))
        case .otherUnicodeForm(let name):
            return .failure(.error(
                .linkUnicodeForm, at: link.location,
                "this link points to '\(Quoted.text(path))', but the file's name is the same text in another Unicode form (accents as separate characters, as some Macs write names), which web servers and browsers treat as a different name",
                suggestion: "rename \(Quoted.text(name)) by retyping its name (or `convmv -f utf8 -t utf8 --nfc --notest`), so it is in the composed form (NFC) links use"))
        case .missing:
            let close = suggestions.closestPath(to: path)
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
    }

    /// A link with no target: an error, or in a draft a warning, the link shown as its text.
    private mutating func reportBroken(
        _ problem: Diagnostic, link: DocumentOutline.Link, in instructions: inout RenderInstructions
    ) {
        guard table.brokenLinksAreWarnings else {
            resolution.diagnostics.append(problem)
            return
        }
        var warning = problem
        warning.severity = .warning
        resolution.diagnostics.append(warning)
        instructions.links[link.ordinal] = BrokenLinkMarkup.rewrite(url: link.url)
    }

    private func brokenAnchor(
        _ anchor: String, in path: String, candidates: Set<String>, at location: SourceLocation
    ) -> Diagnostic {
        let close = suggestions.closestAnchor(to: anchor, in: path, candidates: candidates)
        return .error(
            .linkAnchor, at: location, "'\(Quoted.text(path))' has no heading or tip with the anchor '#\(Quoted.text(anchor))'",
            suggestion: close.map { "did you mean '#\($0)'?" } ?? "check the heading's text; anchors are lower case with hyphens")
    }
}
