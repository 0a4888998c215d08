import Foundation

/// The tags of a Mustache template, in order, as far as the build needs to read them: to know
/// which names a template looks up (`NavigationPartial`, and the check of the templates against
/// `TemplateKey`). swift-mustache keeps its parsed tokens to itself.
enum MustacheTags {
    struct Tag: Equatable {
        /// `#`, `^`, `/`, `&`, `!`, `>`, `<`, `$`, or a space for a variable (`{{name}}` or `{{{name}}}`).
        var sigil: Character
        var name: String
    }

    /// A template these tags cannot be read from.
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func tags(in template: String) throws -> [Tag] {
        var tags: [Tag] = []
        var rest = Substring(template)
        while let start = rest.range(of: "{{") {
            rest = rest[start.upperBound...]
            let triple = rest.hasPrefix("{")
            guard let end = rest.range(of: triple ? "}}}" : "}}") else {
                throw Unreadable(description: "a tag is not closed: {{\(rest.prefix(30))")
            }
            var tag = rest[(triple ? rest.index(after: rest.startIndex) : rest.startIndex)..<end.lowerBound]
            rest = rest[end.upperBound...]
            tag = tag.drop { $0 == " " }
            var sigil: Character = " "
            if !triple, let first = tag.first, "#^/&!><$=".contains(first) {
                sigil = first
                tag = tag.dropFirst()
            }
            let name = tag.trimmingCharacters(in: .whitespaces)
            guard sigil != "=" else {
                throw Unreadable(description: "the delimiters are changed ({{=\(name)}}), which this check does not follow")
            }
            tags.append(Tag(sigil: sigil, name: name))
        }
        return tags
    }
}
