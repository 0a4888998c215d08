/// The paper a printed page is laid out for: `paper` in handbook.yml, or else the one used where
/// the handbook's language is written.
public enum PaperSize: String, Sendable, Hashable, CaseIterable {
    case a4
    case letter

    /// US Letter in the United States and Canada (the regions the `language` tag can name),
    /// A4 everywhere else, and for a tag without a region.
    static func forLanguage(_ tag: String) -> PaperSize {
        let subtags = tag.split(separator: "-").dropFirst()
        // The region is the subtag of two letters (or three digits) before any variant; a
        // script (four letters) may come between it and the language.
        let region = subtags.prefix { $0.count <= 4 }.first { $0.count == 2 || ($0.count == 3 && $0.allSatisfy(\.isNumber)) }
        return region.map { letterRegions.contains($0.uppercased()) } == true ? .letter : .a4
    }

    private static let letterRegions: Set<String> = ["US", "CA"]

    /// The value of CSS `@page { size: }`.
    var cssName: String {
        switch self {
        case .a4: "A4"
        case .letter: "letter"
        }
    }
}
