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

    /// How often a token was seen, and its kind as last seen.
    private struct Seen {
        var count = 0
        var kind: SearchTokenizer.Kind

        mutating func add(_ kind: SearchTokenizer.Kind) {
            count += 1
            self.kind = kind
        }
    }

    static func build(
        pages: [SearchPage], sections: [SearchSection], language: String, grammar: RuleGrammar = .standard
    ) -> SearchIndex {
        let stemmer = Stemmer(language: language)
        let tokenized = tokenize(sections, grammar: grammar)
        var frequency: [String: Seen] = [:]
        var plainTextBytes = 0
        func count(_ token: SearchTokenizer.Token) {
            frequency[token.text, default: Seen(kind: token.kind)].add(token.kind)
        }
        for (section, tokens) in zip(sections, tokenized) {
            plainTextBytes += section.title.utf8.count + section.body.utf8.count
            tokens.title.forEach(count)
            tokens.body.forEach(count)
            if let rule = section.rule { count(SearchTokenizer.Token(text: rule, kind: .identifier)) }
        }

        let words = frequency.keys.sorted { (frequency[$0]!.count, $1) > (frequency[$1]!.count, $0) }
        let numbers = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
        var groups: [String: Int] = [:]
        let stems = words.map { word -> Int in
            guard let kind = frequency[word]?.kind, kind != .separator else { return 0 }
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

    /// The index as its files' JSON: whole (`search-index.json`), and for the scripts a header
    /// with everything but the sections (their number of parts given instead) and the sections
    /// in parts of about `partBytes` each. The words and each section are serialised once and
    /// put in place of a placeholder: byte for byte what serialising each object whole gives,
    /// in a third of the time, since the words and sections are nearly all of it.
    func files(partBytes: Int) throws -> (json: Data, header: Data, parts: [Data]) {
        let sectionJSON = try sections.map { try JSONSerialization.data(withJSONObject: $0, options: [.withoutEscapingSlashes]) }
        var parts: [Data] = []
        var current = Data("[".utf8)
        var size = 0
        for json in sectionJSON {
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
        var allSections = Data("[".utf8)
        for (position, json) in sectionJSON.enumerated() {
            if position > 0 { allSections.append(0x2C) }
            allSections.append(json)
        }
        allSections.append(0x5D)

        let wordsJSON = try JSONSerialization.data(withJSONObject: words, options: [.withoutEscapingSlashes])
        // Random for each build, so no text of the handbook can be taken for one.
        let nonce = UUID().uuidString
        let wordsPlaceholder = "handbook-words-" + nonce
        let sectionsPlaceholder = "handbook-sections-" + nonce
        var object: [String: Any] = [
            "format": "handbook-search",
            "version": Self.formatVersion,
            "language": language,
            "fields": Self.fields,
            "weights": Self.weights,
            "words": wordsPlaceholder,
            "stems": stems,
            "pages": pages.map { ["title": $0.title, "url": $0.url] },
        ]
        var header = object
        header["sectionParts"] = parts.count
        header["sectionCount"] = sections.count
        object["sections"] = sectionsPlaceholder
        // The object is small with placeholders in it; each is found there, before anything large
        // is put in, and the result is put together once.
        func serialised(_ object: [String: Any], replacing values: [String: Data]) throws -> Data {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            let places = try values.map { placeholder, value -> (Range<Int>, Data) in
                let quoted = Array("\"\(placeholder)\"".utf8)
                guard let found = data.withUnsafeBytes({ $0.firstRange(of: quoted) }) else { throw CocoaError(.coderInvalidValue) }
                return (found, value)
            }.sorted { $0.0.lowerBound < $1.0.lowerBound }
            var result = Data()
            result.reserveCapacity(data.count + places.reduce(0) { $0 + $1.1.count } + 1)
            var copied = 0
            for (range, value) in places {
                result.append(data[copied..<range.lowerBound])
                result.append(value)
                copied = range.upperBound
            }
            result.append(data[copied...])
            result.append(0x0A)
            return result
        }
        return (
            try serialised(object, replacing: [wordsPlaceholder: wordsJSON, sectionsPlaceholder: allSections]),
            try serialised(header, replacing: [wordsPlaceholder: wordsJSON]), parts)
    }

    /// JSON as a classic script that assigns it, for pages opened from the disk, where nothing
    /// can be fetched; escaped by `ScriptJSON`, so no text in it can end the script.
    static func script(json: Data, assignTo target: String = "window.handbookSearchIndex") -> Data {
        var text = ScriptJSON.escape(String(decoding: json, as: UTF8.self))
        while text.hasSuffix("\n") { text.removeLast() }
        return Data("\(target) = \(text);\n".utf8)
    }
}
