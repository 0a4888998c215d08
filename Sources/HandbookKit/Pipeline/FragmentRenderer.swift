import HandbookMarkdown

/// `handbook render`: one Markdown document to an HTML fragment, through the same parser and
/// renderer as the site. Rules defined in the document are linked within it (`#CONF-1`).
public enum FragmentRenderer {
    public static func render(markdown: String, file: String, allowRawHTML: Bool) -> (html: String, diagnostics: [Diagnostic]) {
        let (bounded, costProblems) = MarkdownCost.check(markdown, file: file)
        let document = MarkdownDocument(markdown: bounded, file: file, allowRawHTML: allowRawHTML, grammar: RuleIdentifierGrammar())
        let outline = document.outline
        let anchors = PageAnchors.compute(for: outline, withTips: false)
        var diagnostics = costProblems
        var instructions = RenderInstructions()
        var rules: [String: String] = [:]
        for heading in outline.headings {
            if let rule = heading.rule, rules[rule.identifier] == nil {
                rules[rule.identifier] = rule.title
                instructions.headings[heading.ordinal] = HeadingMarkup.rule(
                    level: heading.level, rule: rule, permalink: "#" + rule.identifier)
            } else {
                instructions.headings[heading.ordinal] = HeadingMarkup.plain(
                    level: heading.level, id: anchors.headings[heading.ordinal])
            }
        }
        var suggestions: SuggestionIndex?
        for link in outline.links {
            guard case .rule(let identifier) = LinkTarget.classify(link.url, sourceFolder: "") else { continue }
            guard let title = rules[identifier] else {
                if suggestions == nil { suggestions = SuggestionIndex(rules.keys) }
                let close = suggestions?.closest(to: identifier)
                diagnostics.append(UnknownRuleReference.diagnostic(identifier, at: link.location, closest: close, scope: " in this document"))
                continue
            }
            instructions.links[link.ordinal] = RuleReferenceMarkup.linkRewrite(url: "#" + identifier, identifier: identifier, title: title)
        }
        for token in outline.identifierTokens {
            guard let title = rules[token.identifier] else { continue }
            instructions.identifierLinks[token.textNode, default: []].append(
                RuleReferenceMarkup.identifierLink(range: token.range, url: "#" + token.identifier, title: title))
        }
        let html = document.render(instructions).blocks.joined()
        return (html, diagnostics)
    }
}
