import Crypto
import Foundation

extension Sequence<UInt8> {
    /// The bytes in lower-case hex, two digits each.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in self {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
