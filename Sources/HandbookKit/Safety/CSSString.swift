/// Text as a CSS string literal: every character but ASCII letters, digits and spaces is
/// written as a hexadecimal escape, so no text can end the string, the rule or the style
/// sheet, whatever the CSS around it. NUL, which CSS cannot hold, becomes U+FFFD as a CSS
/// parser would make it.
enum CSSString {
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", " ":
                result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value == 0 ? 0xFFFD : scalar.value
                // The space ends the escape, so that a following letter or digit is not read into it.
                result += "\\" + String(value, radix: 16) + " "
            }
        }
        return result + "\""
    }
}
