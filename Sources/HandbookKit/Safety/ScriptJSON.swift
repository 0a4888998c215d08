import Foundation

/// JSON made safe to stand anywhere in a script: each character that could end the context the
/// JSON stands in (`<` of `</script>`, `*` of `*/`, a backtick or `$` of a template string,
/// a quote, U+2028 and U+2029, which ended string literals before ES2019) is written as a
/// `\uXXXX` escape. These characters only ever occur inside JSON strings, where the escape
/// means the same character, so the value is unchanged.
enum ScriptJSON {
    /// A value the standard encoder writes: much faster than `JSONSerialization` on Linux for
    /// large values, which it bridges to Foundation's reference types.
    static func literal(encoding value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return escape(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func literal(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return escape(String(decoding: data, as: UTF8.self))
    }

    /// Byte by byte: every character to escape is ASCII but U+2028 and U+2029, and the search
    /// index and the rule previews are megabytes of JSON.
    static func escape(_ json: String) -> String {
        var json = json
        return json.withUTF8 { source in
            var output: [UInt8] = []
            output.reserveCapacity(source.count + 64)
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte < 128, let escape = asciiEscapes[Int(byte)] {
                    output += escape
                } else if byte == 0xE2, index + 2 < source.count, source[index + 1] == 0x80,
                    source[index + 2] == 0xA8 || source[index + 2] == 0xA9
                {
                    output += Array((source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                    continue
                } else {
                    output.append(byte)
                }
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// `\u00XX` for each ASCII character that must not stand in the script as itself, by byte.
    private static let asciiEscapes: [[UInt8]?] = (0..<128).map { byte -> [UInt8]? in
        guard "<>&*`$'".utf8.contains(UInt8(byte)) else { return nil }
        let hex = Array("0123456789abcdef".utf8)
        return Array("\\u00".utf8) + [hex[byte >> 4], hex[byte & 15]]
    }
}
