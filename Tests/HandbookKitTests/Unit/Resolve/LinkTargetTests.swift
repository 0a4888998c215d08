import Foundation
import Testing
@testable import HandbookKit

@Suite("Link targets")
struct LinkTargetTests {
    @Test("classification of what authors write", arguments: [
        ("rule:CONF-1", LinkTarget.rule("CONF-1")),
        ("https://example.org/a", .external),
        ("mailto:someone@example.org", .external),
        ("//cdn.example.org/x.js", .external),
        ("#friend-requests", .samePage(anchor: "friend-requests")),
        ("/chapters/x.html", .rootRelative),
        ("02-boundaries.md#friend-requests", .content(path: "chapters/02-boundaries.md", anchor: "friend-requests")),
        ("./02-boundaries.md", .content(path: "chapters/02-boundaries.md", anchor: nil)),
        ("../media/photo%20one.png", .content(path: "media/photo one.png", anchor: nil)),
        ("../tips/quick.md?x=1#a", .content(path: "tips/quick.md", anchor: "a")),
        ("../../etc/passwd", .outsideContent),
        ("../caf%C3%A9.md#%C3%BCber", .content(path: "café.md", anchor: "über")),
    ])
    func classify(_ url: String, _ expected: LinkTarget) {
        #expect(LinkTarget.classify(url, sourceFolder: "chapters") == expected)
    }

    @Test("output paths are percent-encoded once")
    func encoding() {
        #expect(URLEncoding.path("media/photo one.png") == "media/photo%20one.png")
        #expect(URLEncoding.path("media/100%.png") == "media/100%25.png")
        #expect(URLEncoding.path("media/a#b.png") == "media/a%23b.png")
        // The shortcut for paths that need no encoding agrees with Foundation on every ASCII byte.
        for byte in UInt8(1)..<128 {
            let path = "a/" + String(UnicodeScalar(byte)) + "b.html"
            let expected = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#")))
            #expect(URLEncoding.path(path) == expected, "byte \(byte)")
        }
        #expect(URLEncoding.path("chapters/café.html") == "chapters/caf%C3%A9.html")
    }
}
