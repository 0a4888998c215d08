/// GitHub-compatible heading anchors: lower case, spaces to hyphens, punctuation dropped,
/// Unicode letters and digits kept, and `-1`, `-2`, ... for repeats within a page.
struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    /// Marks an anchor as taken (a rule identifier, say) so that no slug repeats it.
    mutating func reserve(_ anchor: String) {
        used[anchor, default: 0] += 1
    }

    mutating func slug(for text: String) -> String {
        let slug = Self.baseSlug(text)
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        if let count = used[base] {
            var suffix = count
            candidate = "\(base)-\(suffix)"
            while used[candidate] != nil {
                suffix += 1
                candidate = "\(base)-\(suffix)"
            }
            used[base] = suffix + 1
        }
        used[candidate, default: 0] += 1
        return candidate
    }

    /// In NFC, as links' anchors are (`LinkTarget`), so the two compare byte for byte.
    static func baseSlug(_ text: String) -> String {
        var slug = ""
        for scalar in UnicodeForm.nfc(text).lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                slug.unicodeScalars.append("-")
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic
                || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark
            {
                slug.unicodeScalars.append(scalar)
            }
        }
        return slug
    }
}
