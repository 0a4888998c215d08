/// `rule-previews.js`: each rule's title and first sentence, which a reference to the rule shows
/// on hover and on keyboard focus (`assets/reading.js`). A classic script that sets a global,
/// as pages opened from the disk may not fetch JSON; loaded only when a reader first points at a
/// reference. Its text reaches the script only through `ScriptJSON`.
enum RulePreviews {
    static func script(_ handbook: ResolvedHandbook) throws -> String {
        var previews: [String: [String]] = [:]
        previews.reserveCapacity(handbook.rules.count)
        for rule in handbook.rules {
            previews[rule.identifier] = [rule.title, FirstSentence.of(rule.plainText)]
        }
        return "window.handbookRulePreviews = " + (try ScriptJSON.literal(previews)) + ";\n"
    }
}
