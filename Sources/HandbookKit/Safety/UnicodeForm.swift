import Foundation

/// The one normalisation paths and anchors go through: NFC, the form keyboards produce.
/// Swift's `String ==` treats `é` as one character and as `e` with a combining accent as the
/// same, but file systems, servers and browsers compare bytes: paths are therefore compared as
/// `ExactText`, byte for byte, after this normalisation.
enum UnicodeForm {
    static func nfc(_ text: String) -> String {
        // Plain ASCII, nearly every path, is already NFC.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    static func isNFC(_ text: String) -> Bool {
        nfc(text).utf8.elementsEqual(text.utf8)
    }
}
