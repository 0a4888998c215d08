import Yams

/// A YAML mapping of string keys to string values, read with positions so that every problem
/// can be reported at its file line.
struct YAMLMapping: Sendable {
    struct Entry: Sendable {
        var value: String
        var location: SourceLocation
    }

    var entries: [String: Entry] = [:]
    /// Values of the keys allowed to hold a mapping of strings, in the order written.
    var mappings: [String: [(key: String, entry: Entry)]] = [:]
    /// Where the mapping starts, for problems that concern the whole of it (a missing key).
    var location: SourceLocation

    subscript(key: String) -> String? { entries[key]?.value }

    /// Parses `yaml`, whose first line is line `firstLine` of `file`, accepting only `allowedKeys`.
    static func parse(
        _ yaml: String, file: String, firstLine: Int, allowedKeys: [String], required: [String],
        mappingKeys: [String] = []
    ) -> (YAMLMapping, [Diagnostic]) {
        let start = SourceLocation(file: file, line: firstLine, column: 1)
        var mapping = YAMLMapping(location: start)
        var diagnostics: [Diagnostic] = []

        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return start }
            return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
        }

        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            diagnostics.append(.error(
                "yaml.invalid", at: location(mark), "invalid YAML: \(problem)",
                suggestion: "check the indentation and quote values that contain a colon"))
            return (mapping, diagnostics)
        } catch {
            diagnostics.append(.error("yaml.invalid", at: start, "invalid YAML: \(error)"))
            return (mapping, diagnostics)
        }

        switch root {
        case .none:
            break
        case .some(.mapping(let pairs)):
            for (keyNode, valueNode) in pairs {
                let key = keyNode.string ?? String(describing: keyNode)
                guard allowedKeys.contains(key) else {
                    let close = Suggestion.closest(to: key, in: allowedKeys)
                    diagnostics.append(.error(
                        "config.unknownKey", at: location(keyNode.mark), "unknown key '\(key)'",
                        suggestion: close.map { "did you mean '\($0)'?" }
                            ?? "the keys allowed here are \(allowedKeys.joined(separator: ", "))"))
                    continue
                }
                if mappingKeys.contains(key) {
                    guard case .mapping(let inner) = valueNode else {
                        diagnostics.append(.error(
                            "config.type", at: location(valueNode.mark), "'\(key)' must be a mapping, one `NAME: text` per line",
                            suggestion: "indent each entry under `\(key):`"))
                        continue
                    }
                    var values: [(key: String, entry: Entry)] = []
                    for (innerKey, innerValue) in inner {
                        guard case .scalar(let scalar) = innerValue else {
                            diagnostics.append(.error(
                                "config.type", at: location(innerValue.mark),
                                "the value of '\(innerKey.string ?? "")' under '\(key)' must be text, not a list or mapping",
                                suggestion: "write it on one line after the colon"))
                            continue
                        }
                        values.append((innerKey.string ?? String(describing: innerKey), Entry(value: scalar.string, location: location(innerKey.mark))))
                    }
                    mapping.mappings[key] = values
                    continue
                }
                guard case .scalar(let scalar) = valueNode else {
                    diagnostics.append(.error(
                        "config.type", at: location(valueNode.mark), "'\(key)' must be a single value, not a list or mapping",
                        suggestion: "write it on one line, as `\(key): text`"))
                    continue
                }
                mapping.entries[key] = Entry(value: scalar.string, location: location(valueNode.mark))
            }
        case .some(let node):
            diagnostics.append(.error(
                "yaml.notMapping", at: location(node.mark), "expected `key: value` lines here",
                suggestion: "write one `key: value` pair per line"))
            return (mapping, diagnostics)
        }

        for key in required where mapping.entries[key]?.value.isEmpty ?? true {
            diagnostics.append(.error(
                "config.missingKey", at: start, "missing required key '\(key)'",
                suggestion: "add a line `\(key): ...`"))
        }
        return (mapping, diagnostics)
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // An unclosed bracket or quote is found only at the end of the text: point at where
            // it opens, which is where the author must look.
            if let context, context.mark.line < mark.line {
                return (context.mark, "\(problem), \(context.text) that starts here")
            }
            return (mark, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark, "the key '\(duplicates.joined(separator: "', '"))' appears more than once")
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, String(describing: error))
        }
    }
}
