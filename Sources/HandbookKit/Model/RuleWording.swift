import Crypto
import Foundation

/// A rule's wording as editions compare it: its own text, without its heading, its change note
/// or the rules nested in it, in Unicode NFC with each run of white space made one space. Two
/// editions whose wording of a rule is the same have the same `hash`.
enum RuleWording {
    static func normalise(_ text: String) -> String {
        // ASCII is already NFC and has six white-space characters: the common case, done on bytes,
        // as Unicode's properties are slow to look up.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let words = text.utf8.split { $0 == 0x20 || (0x09...0x0D).contains($0) }
            return words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        }
        return text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `sha256:` and the SHA-256 of the wording's UTF-8 bytes in lower-case hex.
    static func hash(_ wording: String) -> String {
        "sha256:" + SHA256.hash(data: Data(wording.utf8)).hexString
    }
}
