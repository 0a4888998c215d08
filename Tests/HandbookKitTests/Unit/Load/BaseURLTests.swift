import Testing
@testable import HandbookKit

@Suite("base_url")
struct BaseURLTests {
    @Test("is written again from its parts, in a form with no character any context must escape", arguments: [
        ("https://example.org/handbook", "https://example.org/handbook/"),
        ("HTTPS://Example.ORG:8443/a/b/", "https://example.org:8443/a/b/"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/h\"><img/src=x/onerror=alert(1)>/", "https://example.org/h%22%3E%3Cimg/src=x/onerror=alert(1)%3E/"),
        ("https://example.org/it's&more/", "https://example.org/it%27s%26more/"),
        ("https://example.org/caf%C3%A9/", "https://example.org/caf%C3%A9/"),
        ("http://[::1]:8000/", "http://[::1]:8000/"),
    ])
    func normalised(_ given: String, _ expected: String) {
        #expect(BaseURL.normalise(given) == expected)
    }

    @Test("its path leads from the site's root on the same host, never to another host", arguments: [
        ("https://example.org/", "/"), ("https://example.org/handbook/", "/handbook/"), ("http://[::1]:8000/a/b/", "/a/b/"),
        ("https://example.org//evil.example/", "/evil.example/"), ("https://example.org///x/", "/x/"),
    ])
    func path(_ given: String, _ expected: String) throws {
        #expect(BaseURL.path(try #require(BaseURL.normalise(given))) == expected)
    }

    @Test("other schemes, credentials, queries, fragments and odd hosts are refused", arguments: [
        "javascript:alert(1)//", "ftp://example.org/", "https://user:pw@example.org/", "https://example.org/?q=1",
        "https://example.org/#top", "https://exa\"mple.org/", "https://example.org/a b/", "//example.org/", "example.org",
        "https://ex ample.org/", "https://example.org\n/",
    ])
    func refused(_ given: String) {
        #expect(BaseURL.normalise(given) == nil)
    }
}
