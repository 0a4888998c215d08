import HandbookMarkdown

/// Checks a page's explicit anchors (`{#name}`) and the old anchors its front matter keeps
/// (`anchors:`), and sets the page's aliases: each old anchor, and each explicit anchor of a
/// rule heading, with the heading anchor it stands for.
enum AnchorCheck {
    static func check(_ page: ParsedPage, anchors: inout PageAnchors, reserved: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var aliases: [AnchorAlias] = []
        let headingAnchors = Set(anchors.headings)
        let tipAnchors = Set(anchors.tips)
        var aliasNames: Set<String> = []
        var explicitAt: [String: SourceLocation] = [:]
        let ruleIdentifiers = Set(page.outline.headings.compactMap { $0.rule?.identifier })

        for heading in page.outline.headings {
            guard let explicit = heading.explicitAnchor else { continue }
            let name = explicit.name
            if let problem = AnchorName.problem(name) {
                problems.append(.error(
                    .anchorInvalid, at: explicit.location, "'{#\(Quoted.text(name))}' is not a valid anchor: \(problem)",
                    suggestion: "start the anchor with a letter and use only letters, digits, -, _ and ., as `{#my-anchor}`"))
                continue
            }
            if let earlier = explicitAt[name] {
                problems.append(.error(
                    .anchorDuplicate, at: explicit.location, "the anchor '#\(name)' is already given at \(earlier.description)",
                    suggestion: "give each heading of a page its own anchor"))
                continue
            }
            explicitAt[name] = explicit.location
            if reserved.contains(name) {
                problems.append(.error(
                    .anchorDuplicate, at: explicit.location, "the anchor '#\(name)' is an id the templates use on every page",
                    suggestion: "choose another anchor"))
                continue
            }
            guard let rule = heading.rule else {
                if ruleIdentifiers.contains(name) {
                    problems.append(.error(
                        .anchorDuplicate, at: explicit.location, "'#\(name)' is the anchor of the rule \(name) on this page",
                        suggestion: "choose another anchor"))
                }
                continue
            }
            if name == rule.identifier { continue }
            // A rule's anchor stays its identifier, which every link and edition uses; the
            // explicit anchor is kept beside it.
            if headingAnchors.contains(name) || tipAnchors.contains(name) {
                problems.append(.error(
                    .anchorDuplicate, at: explicit.location, "'#\(name)' is already the anchor of another heading of this page",
                    suggestion: "choose another anchor"))
                continue
            }
            aliases.append(AnchorAlias(name: name, target: rule.identifier))
            aliasNames.insert(name)
        }

        var headingSuggestions: SuggestionIndex?
        for alias in page.frontMatter.anchorAliases {
            if let problem = AnchorName.problem(alias.name) {
                problems.append(.error(
                    .anchorInvalid, at: alias.location, "'\(Quoted.text(alias.name))' under 'anchors' is not a valid anchor: \(problem)",
                    suggestion: "write one old anchor per line, without its #, as `old-anchor: new-anchor`"))
                continue
            }
            let taken = headingAnchors.contains(alias.name) || tipAnchors.contains(alias.name) || reserved.contains(alias.name)
            if taken || aliasNames.contains(alias.name) {
                problems.append(.error(
                    .anchorAliasClash, at: alias.location,
                    taken ? "'#\(alias.name)' is already an anchor of this page, so it cannot also be an old one"
                        : "'#\(alias.name)' is already kept for another anchor of this page",
                    suggestion: "remove the line: links to '#\(alias.name)' already land on a heading"))
                continue
            }
            let target = alias.target.hasPrefix("#") ? String(alias.target.dropFirst()) : alias.target
            guard headingAnchors.contains(target) else {
                if headingSuggestions == nil { headingSuggestions = SuggestionIndex(anchors.headings) }
                let close = headingSuggestions?.closest(to: target)
                problems.append(.error(
                    .anchorAliasTarget, at: alias.location,
                    "'\(Quoted.text(alias.target))' is neither a heading's anchor nor a rule of this page",
                    suggestion: close.map { "did you mean '\($0)'?" } ?? "write the anchor of a heading of this page, or a rule identifier defined here"))
                continue
            }
            aliases.append(AnchorAlias(name: alias.name, target: target))
            aliasNames.insert(alias.name)
        }
        anchors.aliases = aliases
        return problems
    }
}
