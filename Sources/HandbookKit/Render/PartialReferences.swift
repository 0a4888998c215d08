import Foundation
import HandbookMarkdown
import Mustache

/// Partial (`{{> name}}`) and parent (`{{< name}}`) tags in a template's text, with positions.
enum PartialReferences {
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    static func find(in text: String) -> [Reference] {
        var references: [Reference] = []
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if bytes[index] == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                bytes[index + 2] == UInt8(ascii: ">") || bytes[index + 2] == UInt8(ascii: "<")
            {
                var end = index + 3
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) {
                    end += 1
                }
                let name = String(decoding: bytes[(index + 3)..<min(end, bytes.count)], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, !name.hasPrefix("*") {
                    references.append(Reference(name: name, line: line, column: index - lineStart + 1))
                }
                index = end
                continue
            }
            index += 1
        }
        return references
    }
}
