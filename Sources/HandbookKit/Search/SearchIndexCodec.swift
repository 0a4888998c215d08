import Foundation
import Synchronization

/// Numbers as short strings: base 32, most significant digit first; every digit but the last
/// is written with the upper half of a 64-letter alphabet, so numbers need no separator.
enum SearchIndexCodec {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    static func encode(_ numbers: [Int]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count * 2)
        var digits: [Int] = []
        for number in numbers {
            digits.removeAll(keepingCapacity: true)
            var value = number
            repeat {
                digits.append(value & 31)
                value >>= 5
            } while value > 0
            for (position, digit) in digits.reversed().enumerated() {
                bytes.append(alphabet[position == digits.count - 1 ? digit : 32 + digit])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decode(_ text: String) -> [Int] {
        var numbers: [Int] = []
        var value = 0
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { continue }
            if digit >= 32 {
                value = value << 5 | (digit - 32)
            } else {
                numbers.append(value << 5 | digit)
                value = 0
            }
        }
        return numbers
    }
}
