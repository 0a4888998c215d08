/// A change note, and the rule identifiers in it that link to a page: a rule of this edition,
/// or a withdrawn one. Which identifiers link is decided when the note is made, from the rest of
/// the handbook; the keys of the pages that show the note hash this value, so they change when
/// an identifier starts or stops linking.
struct LinkedNote: Hashable, Sendable {
    struct Link: Hashable, Sendable {
        /// UTF-8 offsets in `text`.
        var range: Range<Int>
        var identifier: String
    }

    var text: String
    var links: [Link]

    init(_ text: String, grammar: RuleGrammar, linking isLinked: (String) -> Bool) {
        self.text = text
        links = grammar.tokens(in: text).filter { isLinked($0.identifier) }.map { Link(range: $0.range, identifier: $0.identifier) }
    }

    /// Identifiers of the handbook's rules and of withdrawn rules link.
    init(_ text: String, handbook: ResolvedHandbook) {
        self.init(text, grammar: handbook.config.ruleGrammar) { handbook.ruleIndex[$0] != nil || handbook.history.withdrawnRule($0) != nil }
    }

    /// The text escaped, the identifiers that link linked to their rules' pages (the page of a
    /// withdrawn rule too).
    func html(root: String) -> String {
        let bytes = Array(text.utf8)
        var html = ""
        var position = 0
        for link in links {
            html += HTML.escape(String(decoding: bytes[position..<link.range.lowerBound], as: UTF8.self))
            let url = root + URLEncoding.path(SiteLayout.rulePage(link.identifier))
            html += RuleReferenceMarkup.html(link.identifier, url: url)
            position = link.range.upperBound
        }
        return html + HTML.escape(String(decoding: bytes[position...], as: UTF8.self))
    }
}
