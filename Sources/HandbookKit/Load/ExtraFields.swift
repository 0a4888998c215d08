import HandbookMarkdown
import Yams

/// Reads an `extra:` mapping into `ExtraField`s, bounded: YAML aliases let a few lines stand for
/// a structure of millions of nodes, so the reading stops at `maxNodes` and `maxDepth`.
struct ExtraFields {
    static let maxNodes = 1_000
    static let maxDepth = 8

    let location: (Mark?) -> SourceLocation
    private(set) var diagnostics: [Diagnostic] = []
    private var nodes = 0

    init(location: @escaping (Mark?) -> SourceLocation) {
        self.location = location
    }

    /// The entries of `node`, which must be a mapping; nil when it is not usable.
    mutating func read(_ node: Node) -> [ExtraEntry]? {
        guard case .mapping = node else {
            diagnostics.append(.error(
                .configType, at: location(node.mark), "'extra' must be a mapping, one `name: value` per line",
                suggestion: "indent each field under `extra:`, as `  owner: Clinical governance team`"))
            return nil
        }
        guard case .map(let entries)? = value(of: node, depth: 1) else { return nil }
        return entries
    }

    private mutating func value(of node: Node, depth: Int) -> ExtraField? {
        nodes += 1
        guard nodes <= Self.maxNodes, depth <= Self.maxDepth else {
            if nodes == Self.maxNodes + 1 || depth == Self.maxDepth + 1 {
                diagnostics.append(.error(
                    .frontMatterExtra, at: location(node.mark),
                    "'extra' holds more than \(Self.maxNodes) values or is nested more than \(Self.maxDepth) levels deep",
                    suggestion: "keep the fields templates need; aliases (*name) count every value they stand for"))
            }
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return .text(scalar.string)
        case .sequence(let sequence):
            var items: [ExtraField] = []
            for item in sequence {
                guard let value = value(of: item, depth: depth + 1) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var entries: [ExtraEntry] = []
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else { continue }
                guard Self.isTemplateName(key.string) else {
                    diagnostics.append(.error(
                        .frontMatterExtra, at: location(keyNode.mark),
                        "'\(Quoted.text(key.string))' under 'extra' cannot be looked up by a template",
                        suggestion: "name fields with letters, digits and underscores, starting with a letter, as `review_date`"))
                    continue
                }
                guard let value = value(of: valueNode, depth: depth + 1) else { return nil }
                entries.append(ExtraEntry(key: key.string, value: value))
            }
            return .map(entries)
        case .alias:
            return nil
        }
    }

    /// A name Mustache finds as written: a dot would be read as a path, spaces end the tag.
    static func isTemplateName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 64,
            ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
