/// `extra:` fields as Mustache reads them: text as strings, lists as arrays, mappings as
/// dictionaries. Mustache escapes them for HTML like any other value.
extension ExtraField {
    var templateValue: Any {
        switch self {
        case .text(let text): text
        case .list(let items): items.map(\.templateValue)
        case .map(let entries): Self.templateValue(of: entries) ?? [String: Any]()
        }
    }

    /// A mapping's entries as a dictionary, or nil when there are none, so that `{{#extra}}`
    /// renders nothing for a page without fields.
    static func templateValue(of entries: [ExtraEntry]) -> [String: Any]? {
        guard !entries.isEmpty else { return nil }
        var values: [String: Any] = [:]
        for entry in entries { values[entry.key] = entry.value.templateValue }
        return values
    }
}
