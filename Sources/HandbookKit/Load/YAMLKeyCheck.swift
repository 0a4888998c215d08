import CYaml

/// A look at the YAML's events, with the libyaml parser Yams itself is built on, before Yams
/// composes it: a key that is a list, a mapping or an alias is refused here. Yams hashes every
/// key to find repeats, and a key that is an alias may stand for a structure of aliases many
/// levels deep: six levels took seconds to compose and seven minutes. Handbook keys are plain
/// names, so nothing is lost. The scan is linear in the text.
enum YAMLKeyCheck {
    struct Problem: Equatable {
        /// From 1, in the YAML text.
        var line: Int
        var column: Int
        var message: String
    }

    static func problem(in yaml: String) -> Problem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Problem? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // For each open collection: is it a mapping, and is its next node a key?
            var open: [(isMapping: Bool, expectsKey: Bool)] = []
            func nodeDone() {
                if let last = open.indices.last, open[last].isMapping { open[last].expectsKey.toggle() }
            }
            while true {
                var event = yaml_event_t()
                // A syntax error is left for Yams to report, with its own message.
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let atKey = open.last.map { $0.isMapping && $0.expectsKey } ?? false
                let mark = event.start_mark
                func problem(_ message: String) -> Problem {
                    Problem(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    if atKey { return problem("a key must be a plain name, not an alias (*name)") }
                    nodeDone()
                case YAML_SCALAR_EVENT:
                    nodeDone()
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if atKey { return problem("a key must be a plain name, not a list or mapping") }
                    open.append((event.type == YAML_MAPPING_START_EVENT, true))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    open.removeLast()
                    nodeDone()
                default:
                    break
                }
            }
        }
    }
}
