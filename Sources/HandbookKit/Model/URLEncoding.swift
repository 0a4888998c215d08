import Foundation

/// Percent-encoding for the URLs the site writes: paths from the site root, and fragments.
enum URLEncoding {
    /// Percent-encodes a path from the site root for use in an href.
    static func path(_ path: String) -> String {
        // Nearly every path is plain ASCII that needs no encoding, and Foundation's encoder is
        // slow on Linux (it ran for every link of every page): such paths are returned as they are.
        if path.utf8.allSatisfy({ pathSafeBytes[Int($0)] }) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))) ?? path
    }

    /// The bytes of `urlPathAllowed` but `?` and `#`, by value.
    private static let pathSafeBytes: [Bool] = (0..<256).map { byte in
        guard byte < 128 else { return false }
        let character = Character(Unicode.Scalar(UInt8(byte)))
        return character.isLetter || character.isNumber || "-._~/!$&'()*+,=:@".contains(character)
    }

    static func fragment(_ fragment: String) -> String {
        fragment.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? fragment
    }
}
