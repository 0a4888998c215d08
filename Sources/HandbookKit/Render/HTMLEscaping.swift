import Mustache

/// HTML escaping for `{{name}}` in templates, with the same five replacements as
/// swift-mustache's own (`<`, `>`, `&`, `"`, `'`), by bytes: its version looks every character
/// up in a dictionary and builds a new string even when nothing needs escaping, which took a
/// tenth of a build's time. Each template selects it with a pragma (`TemplateSet`), the only
/// way swift-mustache offers to choose how values are escaped.
struct HTMLEscaping: MustacheContentType {
    static let name = "HANDBOOK_HTML"

    /// Put before each template's text, on a line of its own, which Mustache removes whole.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers this content type with swift-mustache, once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
            case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
            case 0x26: escaped.append(contentsOf: "&amp;".utf8)
            case 0x22: escaped.append(contentsOf: "&quot;".utf8)
            case 0x27: escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
