import Foundation

extension HandbookIndex {
    /// The index as JSONEncoder writes it (pretty-printed, keys sorted, slashes unescaped, a line
    /// end at the end), with its chapters, rules and tip lists encoded an element at a time on
    /// every core, and handed to `sink` a few thousand elements at a time. JSONEncoder builds a
    /// tree of the whole value before writing any of it, which for handbook.json took three
    /// times the file's size in memory (115 MB at 1,000 chapters, over a gigabyte at 10,000)
    /// and one core's time.
    /// `completingRules` finishes each rule just before it is encoded.
    func write(to sink: (Data) throws -> Void, completingRules: @escaping @Sendable (inout Rule) -> Void = { _ in }) throws {
        var skeleton = self
        skeleton.chapters = []
        skeleton.rules = []
        skeleton.tipLists = []
        let frame = try Self.encoder().encode(skeleton)
        // Each array is empty in the frame, at the top level: two spaces in, where a nested
        // key is four or more; a line end inside a string is written as `\n`, so this text
        // occurs nowhere else.
        var places: [(range: Range<Data.Index>, key: String)] = []
        for (key, isEmpty) in [("chapters", chapters.isEmpty), ("rules", rules.isEmpty), ("tipLists", tipLists.isEmpty)] where !isEmpty {
            guard let range = frame.firstRange(of: Data("\n  \"\(key)\" : [\n\n  ]".utf8)) else {
                throw EncodingError.invalidValue(key, .init(codingPath: [], debugDescription: "no empty \(key) array in the index's frame"))
            }
            places.append((range, key))
        }
        var copied = frame.startIndex
        for place in places.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            try sink(frame[copied..<place.range.lowerBound])
            try sink(Data("\n  \"\(place.key)\" : [\n".utf8))
            switch place.key {
            case "chapters": try Self.write(chapters, to: sink) { $0 }
            case "rules": try Self.write(rules, to: sink) { rule in
                var rule = rule
                completingRules(&rule)
                return rule
            }
            default: try Self.write(tipLists, to: sink) { $0 }
            }
            try sink(Data("\n  ]".utf8))
            copied = place.range.upperBound
        }
        try sink(frame[copied...] + Data([0x0A]))
    }

    /// The elements of an array at the top level, separated by commas.
    private static func write<Element: Encodable & Sendable>(
        _ elements: [Element], to sink: (Data) throws -> Void, completing: @escaping @Sendable (Element) -> Element
    ) throws {
        for start in stride(from: 0, to: elements.count, by: round) {
            var encoded = Data()
            for (offset, element) in try encodedElements(elements[start..<min(elements.count, start + round)], completing: completing).enumerated() {
                if start + offset > 0 { encoded.append(contentsOf: ",\n".utf8) }
                encoded.append(element)
            }
            try sink(encoded)
        }
    }

    /// The same, whole, in memory.
    func encoded() throws -> Data {
        var data = Data()
        try write { data.append($0) }
        return data
    }

    /// How many elements are encoded before they are handed on.
    private static let round = 4_096

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Each element as it stands in an array at the top level: four spaces in on every line but
    /// the empty one of an empty array.
    private static func encodedElements<Element: Encodable & Sendable>(
        _ elements: ArraySlice<Element>, completing: @Sendable (Element) -> Element
    ) throws -> [Data] {
        try Array(elements).mappingRuns(of: 64) { run in
            let encoder = encoder()
            return try run.map { indented(try encoder.encode(completing($0))) }
        }
    }

    private static func indented(_ json: Data) -> Data {
        json.withUnsafeBytes { bytes in
            var lines = [UInt8]()
            lines.reserveCapacity(bytes.count + bytes.count / 8)
            var start = bytes.startIndex
            while start < bytes.endIndex {
                let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
                if bytes[start] != 0x0A { lines.append(contentsOf: "    ".utf8) }
                lines.append(contentsOf: bytes[start..<end])
                start = end
            }
            return Data(lines)
        }
    }
}
