import Synchronization

/// `rule-previews.js`: each rule's title and first sentence, which a reference to the rule shows
/// on hover and on keyboard focus (`assets/reading.js`). A classic script that sets a global,
/// as pages opened from the disk may not fetch JSON; loaded only when a reader first points at a
/// reference. Its text reaches the script only through `ScriptJSON`.
enum RulePreviews {
    /// A rule's entry, `"CONF-2":["Title","First sentence."]`, with what it was made from.
    private struct Entry: Sendable {
        var title: String
        var sentence: String
        var json: String
    }

    /// The entries of the last script made. The preview makes the script again on every
    /// rebuild, and encoding every rule's entry took a fifth of a small rebuild of a handbook
    /// of 6,000 rules; only the rules whose title or first sentence changed are encoded again.
    private static let made = Mutex<[String: Entry]>([:])

    static func script(_ handbook: ResolvedHandbook) throws -> String {
        let known = made.withLock { $0 }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(handbook.rules.count)
        for rule in handbook.rules {
            let sentence = FirstSentence.of(rule.plainText)
            if let entry = known[rule.identifier], entry.title == rule.title, entry.sentence == sentence {
                entries[rule.identifier] = entry
                continue
            }
            let json = try ScriptJSON.literal(encoding: rule.identifier) + ":" + ScriptJSON.literal(encoding: [rule.title, sentence])
            entries[rule.identifier] = Entry(title: rule.title, sentence: sentence, json: json)
        }
        made.withLock { $0 = entries }
        // Each key and value is JSON from the encoder; only the object's braces and commas are
        // written here.
        let object = entries.keys.sorted().map { entries[$0]?.json ?? "" }.joined(separator: ",")
        return "window.handbookRulePreviews = {" + object + "};\n"
    }
}
