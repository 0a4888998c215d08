import Foundation
import Synchronization

extension HandbookIndex {
    /// The index as JSONEncoder writes it (pretty-printed, keys sorted, slashes unescaped, a line
    /// end at the end), with its chapters, rules and tip lists encoded an element at a time on
    /// every core. JSONEncoder builds a tree of the whole value before writing any of it, which
    /// for handbook.json took three times the file's size in memory (115 MB at 1,000 chapters,
    /// over a gigabyte at 10,000) and one core's time.
    func encoded() throws -> Data {
        var skeleton = self
        skeleton.chapters = []
        skeleton.rules = []
        skeleton.tipLists = []
        let frame = try Self.encoder().encode(skeleton)
        let arrays: [(key: String, elements: [Data])] = [
            ("chapters", try Self.encodedElements(chapters)), ("rules", try Self.encodedElements(rules)),
            ("tipLists", try Self.encodedElements(tipLists)),
        ]
        // Each array is empty in the frame, at the top level: two spaces in, where a nested
        // key is four or more; a line end inside a string is written as `\n`, so this text
        // occurs nowhere else.
        var places: [(range: Range<Data.Index>, key: String, elements: [Data])] = []
        for array in arrays where !array.elements.isEmpty {
            guard let range = frame.firstRange(of: Data("\n  \"\(array.key)\" : [\n\n  ]".utf8)) else {
                throw EncodingError.invalidValue(array.key, .init(codingPath: [], debugDescription: "no empty \(array.key) array in the index's frame"))
            }
            places.append((range, array.key, array.elements))
        }
        var data = Data()
        data.reserveCapacity(frame.count + arrays.reduce(0) { $0 + $1.elements.reduce(0) { $0 + $1.count + 2 } } + 1)
        var copied = frame.startIndex
        for place in places.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            data.append(frame[copied..<place.range.lowerBound])
            data.append(contentsOf: "\n  \"\(place.key)\" : [\n".utf8)
            for (index, element) in place.elements.enumerated() {
                if index > 0 { data.append(contentsOf: ",\n".utf8) }
                data.append(element)
            }
            data.append(contentsOf: "\n  ]".utf8)
            copied = place.range.upperBound
        }
        data.append(frame[copied...])
        data.append(0x0A)
        return data
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Each element as it stands in an array at the top level: four spaces in on every line but
    /// the empty one of an empty array.
    private static func encodedElements<Element: Encodable & Sendable>(_ elements: [Element]) throws -> [Data] {
        let batch = 64
        let batches = (elements.count + batch - 1) / batch
        let encoded = Mutex([[Data]?](repeating: nil, count: batches))
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: batches) { number in
            let encoder = encoder()
            var part: [Data] = []
            for element in elements[(number * batch)..<min(elements.count, (number + 1) * batch)] {
                do {
                    part.append(indented(try encoder.encode(element)))
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                    return
                }
            }
            encoded.withLock { $0[number] = part }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return encoded.withLock { $0 }.flatMap { $0 ?? [] }
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
