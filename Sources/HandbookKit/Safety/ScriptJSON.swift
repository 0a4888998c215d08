import Foundation

/// JSON made safe to stand anywhere in a script: each character that could end the context the
/// JSON stands in (`<` of `</script>`, `*` of `*/`, a backtick or `$` of a template string,
/// a quote, U+2028 and U+2029, which ended string literals before ES2019) is written as a
/// `\uXXXX` escape. These characters only ever occur inside JSON strings, where the escape
/// means the same character, so the value is unchanged.
enum ScriptJSON {
    static func literal(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return escape(String(decoding: data, as: UTF8.self))
    }

    static func escape(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { escapes[$0] != nil }) else { return json }
        var result = ""
        result.reserveCapacity(json.utf8.count + 64)
        for scalar in json.unicodeScalars {
            if let escape = escapes[scalar] {
                result += escape
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let escapes: [Unicode.Scalar: String] = [
        "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "*": "\\u002a", "`": "\\u0060", "$": "\\u0024",
        "'": "\\u0027", "\u{2028}": "\\u2028", "\u{2029}": "\\u2029",
    ]
}
