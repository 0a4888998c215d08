import Foundation

/// `search-index.json`: what the browser searches, built at build time so the browser needs
/// no tokeniser for the index and no stemmer.
///
/// The text of every section is stored once, as a string of word numbers: each word and each
/// separator (", ", ". ") of the handbook is in `words` once, most frequent first, and a field
/// is the sequence of their numbers in a compact base-32 code (`SearchIndexCodec`). A single
/// space between two words is implied. `stems` gives each word's stem group (Snowball's stem
/// of its folded form), so the browser matches "requests" with "request" without a stemmer.
/// docs/search.md documents the format (section "search-index.json").
struct SearchIndex {
    static let formatVersion = 1
    /// BM25F fields and their weights; `headings` are the page title and the headings above.
    static let fields = ["id", "title", "headings", "body"]
    static let weights = [8.0, 4.0, 2.0, 1.0]

    var language: String
    var words: [String]
    /// Each word's stem group plus one, or 0 for a separator, encoded.
    var stems: String
    var pages: [SearchPage]
    /// `[page, anchor, parent, title, body, rule?]`: anchor "" for the top of the page, parent
    /// -1 for none, title and body encoded.
    var sections: [[Any]]
    /// The plain text the index stands for, in bytes: its budget is measured against this.
    var plainTextBytes: Int

    static func build(
        pages: [SearchPage], sections: [SearchSection], language: String, grammar: RuleGrammar = .standard
    ) -> SearchIndex {
        let stemmer = Stemmer(language: language)
        let tokenized = tokenize(sections, grammar: grammar)
        var frequency: [String: Int] = [:]
        var kinds: [String: SearchTokenizer.Kind] = [:]
        var plainTextBytes = 0
        for (section, tokens) in zip(sections, tokenized) {
            plainTextBytes += section.title.utf8.count + section.body.utf8.count
            for token in tokens.title + tokens.body + (section.rule.map { [SearchTokenizer.Token(text: $0, kind: .identifier)] } ?? []) {
                frequency[token.text, default: 0] += 1
                kinds[token.text] = token.kind
            }
        }

        let words = frequency.keys.sorted { (frequency[$0]!, $1) > (frequency[$1]!, $0) }
        let numbers = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
        var groups: [String: Int] = [:]
        let stems = words.map { word -> Int in
            guard let kind = kinds[word], kind != .separator else { return 0 }
            let folded = SearchTokenizer.fold(word)
            let stem = kind == .word && !folded.allSatisfy(\.isNumber) ? stemmer.stem(folded) : folded
            if let group = groups[stem] { return group + 1 }
            groups[stem] = groups.count
            return groups.count
        }

        let encoded: [[Any]] = zip(sections, tokenized).map { section, tokens in
            var row: [Any] = [
                section.page, section.url.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init) ?? "",
                section.parent ?? -1,
                SearchIndexCodec.encode(tokens.title.map { numbers[$0.text]! }),
                SearchIndexCodec.encode(tokens.body.map { numbers[$0.text]! }),
            ]
            if let rule = section.rule { row.append(rule) }
            return row
        }
        return SearchIndex(
            language: language, words: words, stems: SearchIndexCodec.encode(stems), pages: pages,
            sections: encoded, plainTextBytes: plainTextBytes)
    }

    /// Each section's title and body as tokens, in order: on all cores, in runs of sections.
    private static func tokenize(_ sections: [SearchSection], grammar: RuleGrammar) -> [(title: [SearchTokenizer.Token], body: [SearchTokenizer.Token])] {
        sections.mappingRuns(of: 256) { run in
            run.map { section in
                (title: SearchTokenizer.tokens(in: section.title, grammar: grammar),
                 body: SearchTokenizer.tokens(in: section.body, grammar: grammar))
            }
        }
    }

    /// The whole index as JSON; with `sectionParts`, the sections are left out and their number
    /// of parts given instead (the script form, whose sections come in separate files).
    func json(sectionParts: Int? = nil) throws -> Data {
        var object: [String: Any] = [
            "format": "handbook-search",
            "version": Self.formatVersion,
            "language": language,
            "fields": Self.fields,
            "weights": Self.weights,
            "words": words,
            "stems": stems,
            "pages": pages.map { ["title": $0.title, "url": $0.url] },
        ]
        if let sectionParts {
            object["sectionParts"] = sectionParts
            object["sectionCount"] = sections.count
        } else {
            object["sections"] = sections
        }
        var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// The sections in parts of about `partBytes` of JSON each, so that no single script takes
    /// the browser long to parse. Each section is serialised once: a part is its sections' JSON
    /// joined by commas in brackets, byte for byte what serialising the array would give.
    func sectionParts(partBytes: Int) throws -> [Data] {
        var parts: [Data] = []
        var current = Data("[".utf8)
        var size = 0
        for section in sections {
            let json = try JSONSerialization.data(withJSONObject: section, options: [.withoutEscapingSlashes])
            if size + json.count > partBytes && size > 0 {
                current.append(0x5D)
                parts.append(current)
                current = Data("[".utf8)
                size = 0
            }
            if size > 0 { current.append(0x2C) }
            current.append(json)
            size += json.count + 1
        }
        if size > 0 {
            current.append(0x5D)
            parts.append(current)
        }
        return parts
    }

    /// JSON as a classic script that assigns it, for pages opened from the disk, where nothing
    /// can be fetched; escaped by `ScriptJSON`, so no text in it can end the script.
    static func script(json: Data, assignTo target: String = "window.handbookSearchIndex") -> Data {
        var text = ScriptJSON.escape(String(decoding: json, as: UTF8.self))
        while text.hasSuffix("\n") { text.removeLast() }
        return Data("\(target) = \(text);\n".utf8)
    }
}
