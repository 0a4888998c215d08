import CStemmer

/// Snowball's libstemmer for one language. Not shareable between tasks: each task that
/// stems makes its own.
final class Stemmer {
    private let stemmer: OpaquePointer?

    /// A stemmer for the language of a BCP 47 tag (`en-GB` uses Snowball's English), or one that
    /// leaves words as they are when Snowball has no algorithm for the language.
    init(language: String) {
        let code = language.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        stemmer = sb_stemmer_new(code, "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    var isAvailable: Bool { stemmer != nil }

    func stem(_ word: String) -> String {
        guard let stemmer else { return word }
        var word = word
        return word.withUTF8 { buffer -> String in
            guard let result = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return String(decoding: buffer, as: UTF8.self) }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
