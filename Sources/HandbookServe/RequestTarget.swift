import Foundation

/// The path of a request target, percent-decoded exactly once: `/media/100%25.png` names the
/// file `media/100%.png`. The query and fragment are left out.
enum RequestTarget {
    /// Nil when the target's escapes are malformed.
    static func path(of target: some StringProtocol) -> String? {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        return String(path).removingPercentEncoding
    }
}
