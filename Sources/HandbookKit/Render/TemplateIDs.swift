/// The ids the templates write themselves (`<main id="hb-main">`): a heading of the content
/// must never take one, or a link to it, the skip link, or the search box would lead
/// elsewhere. Only literal ids are collected; ids made from values (`{{id}}`) come from the
/// content and are already unique.
enum TemplateIDs {
    static func find(in text: String) -> Set<String> {
        var ids: Set<String> = []
        let bytes = Array(text.utf8)
        let pattern = Array(" id=".utf8)
        var index = 0
        while index + pattern.count < bytes.count {
            guard bytes[index..<(index + pattern.count)].elementsEqual(pattern) else {
                index += 1
                continue
            }
            let quote = bytes[index + pattern.count]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                index += pattern.count
                continue
            }
            let start = index + pattern.count + 1
            guard let end = bytes[start...].firstIndex(of: quote) else { break }
            let id = String(decoding: bytes[start..<end], as: UTF8.self)
            if !id.isEmpty, !id.contains("{{") { ids.insert(id) }
            index = end + 1
        }
        return ids
    }
}
