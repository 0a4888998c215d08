import Mustache

/// The values a template sees, or a part of them nested under one key: a dictionary keyed by
/// `TemplateKey`, so that a misspelt key does not compile. Written as a literal,
/// `[.title: title, .url: url]`.
///
/// It stores a `[String: Any]` and nothing else, and Mustache reads it through `MustacheParent`.
/// A context nested in another (a chapter in `chapters`) is stored as it is, so nesting copies
/// nothing.
struct TemplateContext: ExpressibleByDictionaryLiteral {
    /// What Mustache renders.
    private(set) var values: [String: Any]

    init() {
        values = [:]
    }

    init(_ values: [TemplateKey: Any]) {
        var strings = [String: Any](minimumCapacity: values.count)
        for (key, value) in values { strings[key.rawValue] = value }
        self.values = strings
    }

    /// A key given twice traps, as it does in a dictionary literal.
    init(dictionaryLiteral elements: (TemplateKey, Any)...) {
        values = Dictionary(uniqueKeysWithValues: elements.lazy.map { ($0.0.rawValue, $0.1) })
    }

    /// Setting nil removes the key, so that a section on it renders nothing.
    subscript(key: TemplateKey) -> Any? {
        get { values[key.rawValue] }
        set { values[key.rawValue] = newValue }
    }

    /// These values with `other`'s; where both have a key, `other`'s value.
    func merging(_ other: TemplateContext) -> TemplateContext {
        var merged = self
        merged.merge(other)
        return merged
    }

    mutating func merge(_ other: TemplateContext) {
        values.merge(other.values) { $1 }
    }
}

/// Mustache looks a name up in a context by casting it to `MustacheParent`: for this type the
/// answer is cached once, where `[String: Any]`'s conformance is conditional and was checked
/// again on every lookup (a fifth of the time of rendering a page).
extension TemplateContext: MustacheParent {
    func child(named name: String) -> Any? { values[name] }
}
