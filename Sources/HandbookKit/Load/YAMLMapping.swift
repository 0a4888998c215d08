import HandbookMarkdown

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
    /// Values of the keys kept whole for templates (`extra`), in the order written.
    var fields: [String: [ExtraEntry]] = [:]
    /// Where the mapping starts, for problems that concern the whole of it (a missing key).
    var location: SourceLocation

    subscript(key: String) -> String? { entries[key]?.value }

    /// Parses `yaml`, whose first line is line `firstLine` of `file`, accepting only `allowedKeys`.
    static func parse(
        _ yaml: String, file: String, firstLine: Int, allowedKeys: [String], required: [String],
        mappingKeys: [String] = [], fieldKeys: [String] = []
    ) -> (YAMLMapping, [Diagnostic]) {
        let start = SourceLocation(file: file, line: firstLine, column: 1)
        var mapping = YAMLMapping(location: start)
        var diagnostics: [Diagnostic] = []
        /// The keys that unknown keys were taken for (`titel` for `title`).
        var misspelt: Set<String> = []

        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return start }
            return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
        }
        func location(_ position: Position?) -> SourceLocation {
            guard let position else { return start }
            return SourceLocation(file: file, line: firstLine + position.line - 1, column: position.column)
        }

        if let problem = YAMLKeyCheck.problem(in: yaml) {
            diagnostics.append(.error(
                .configKeyType, at: location(Position(line: problem.line, column: problem.column)), problem.message,
                suggestion: "write one `key: value` pair per line"))
            return (mapping, diagnostics)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (mark, problem) = describe(error, yaml: yaml)
            diagnostics.append(.error(
                .yamlInvalid, at: location(mark), "invalid YAML: \(problem)",
                suggestion: "check the indentation and quote values that contain a colon"))
            return (mapping, diagnostics)
        } catch {
            diagnostics.append(.error(.yamlInvalid, at: start, "invalid YAML: \(error)"))
            return (mapping, diagnostics)
        }

        switch root {
        case .none:
            break
        case .some(.mapping(let pairs)):
            // Every key is a scalar here: `YAMLKeyCheck` refused any other before composing.
            for (keyNode, valueNode) in pairs {
                guard case .scalar(let keyScalar) = keyNode else { continue }
                let key = keyScalar.string
                guard allowedKeys.contains(key) else {
                    let close = Suggestion.closest(to: String(key.prefix(64)), in: allowedKeys)
                    if let close { misspelt.insert(close) }
                    diagnostics.append(.error(
                        .configUnknownKey, at: location(keyNode.mark), "unknown key '\(Quoted.text(key))'",
                        suggestion: close.map { "did you mean '\($0)'?" }
                            ?? "the keys allowed here are \(allowedKeys.joined(separator: ", "))"))
                    continue
                }
                if fieldKeys.contains(key) {
                    var reader = ExtraFields { location($0) }
                    mapping.fields[key] = reader.read(valueNode)
                    diagnostics += reader.diagnostics
                    continue
                }
                if mappingKeys.contains(key) {
                    guard case .mapping(let inner) = valueNode else {
                        diagnostics.append(.error(
                            .configType, at: location(valueNode.mark), "'\(key)' must be a mapping, one `NAME: text` per line",
                            suggestion: "indent each entry under `\(key):`"))
                        continue
                    }
                    var values: [(key: String, entry: Entry)] = []
                    for (innerKey, innerValue) in inner {
                        guard case .scalar(let innerKeyScalar) = innerKey else { continue }
                        guard case .scalar(let scalar) = innerValue else {
                            diagnostics.append(.error(
                                .configType, at: location(innerValue.mark),
                                "the value of '\(Quoted.text(innerKeyScalar.string))' under '\(key)' must be text, not a list or mapping",
                                suggestion: "write it on one line after the colon"))
                            continue
                        }
                        values.append((innerKeyScalar.string, Entry(value: scalar.string, location: location(innerKey.mark))))
                    }
                    mapping.mappings[key] = values
                    continue
                }
                guard case .scalar(let scalar) = valueNode else {
                    diagnostics.append(.error(
                        .configType, at: location(valueNode.mark), "'\(key)' must be a single value, not a list or mapping",
                        suggestion: "write it on one line, as `\(key): text`"))
                    continue
                }
                mapping.entries[key] = Entry(value: scalar.string, location: location(valueNode.mark))
            }
        case .some(let node):
            diagnostics.append(.error(
                .yamlNotMapping, at: location(node.mark), "expected `key: value` lines here",
                suggestion: "write one `key: value` pair per line"))
            return (mapping, diagnostics)
        }

        // A required key written with a typo is one problem, said once: "did you mean 'title'?"
        // already says it is missing.
        for key in required where mapping.entries[key]?.value.isEmpty ?? true && !misspelt.contains(key) {
            diagnostics.append(.error(
                .configMissingKey, at: start, "missing required key '\(key)'",
                suggestion: "add a line `\(key): ...`"))
        }
        return (mapping, diagnostics)
    }

    /// Yams reports a repeated key at its first appearance, where nothing is wrong: the place
    /// to show is its repetition, the next line that starts with the same key at the same
    /// indentation.
    private static func repeatedKey(_ key: String, after first: Mark, in yaml: String) -> Position? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count, !key.isEmpty else { return nil }
        let indent = first.column - 1
        for (offset, line) in lines.enumerated().dropFirst(first.line) {
            let text = line.utf8
            guard text.count > indent, text.prefix(indent).allSatisfy({ $0 == UInt8(ascii: " ") }) else { continue }
            let rest = line.dropFirst(indent)
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                let after = rest.dropFirst(form.count).drop { $0 == " " }
                if after.hasPrefix(":") { return Position(line: offset + 1, column: first.column) }
            }
        }
        return nil
    }

    /// A line and column in the YAML text, from 1.
    struct Position {
        var line: Int
        var column: Int

        init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        init(_ mark: Mark) {
            self.init(line: mark.line, column: mark.column)
        }
    }

    private static func describe(_ error: YamlError, yaml: String) -> (Position?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // An unclosed bracket or quote is found only at the end of the text: point at where
            // it opens, which is where the author must look.
            if let context, context.mark.line < mark.line {
                return (Position(context.mark), "\(problem), \(context.text) that starts here")
            }
            return (Position(mark), problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { Quoted.text($0) }.joined(separator: "', '")
            return (repeatedKey(duplicates.first ?? "", after: context.mark, in: yaml) ?? Position(context.mark), "the key '\(names)' appears more than once")
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, Quoted.text(String(describing: error), limit: 200))
        }
    }
}
