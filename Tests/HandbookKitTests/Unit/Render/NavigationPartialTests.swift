import Foundation
import Testing
@testable import HandbookKit

/// `partials/chapter-nav` is rendered once for the pages that share a navigation only when its
/// text cannot differ between them; otherwise on every page, as written.
@Suite("Navigation rendered once")
struct NavigationPartialTests {
    @Test("the default partial reads only the navigation, so it is rendered once")
    func defaultPartial() throws {
        let text = try String(contentsOfFile: Repository.templates + "/partials/chapter-nav.mustache", encoding: .utf8)
        #expect(NavigationPartial.isShared(text))
    }

    @Test("a partial that could show a page's own value is rendered on every page", arguments: [
        "<p>{{page.title}}</p>",
        "{{#nav.chaptersOmitted}}{{title}}{{/nav.chaptersOmitted}}",
        "{{#chapters}}<a href=\"{{url}}\">{{title}}</a>{{/chapters}}",
        "{{#nav.chapters}}{{rule.title}}{{/nav.chapters}}",
        "{{#nav.chapters}}{{>partials/link}}{{/nav.chapters}}",
        "{{=<% %>=}}<%page.title%>",
        "{{#nav.chapters}}{{title}}",
        "{{#nav.chapters}}{{title}}{{/nav.parts}}",
    ])
    func pageValues(text: String) {
        #expect(!NavigationPartial.isShared(text))
    }

    @Test("names of the list items, the handbook, the root and comments are the navigation's own", arguments: [
        "{{#nav.chapters}}<a href=\"{{url}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a>{{/nav.chapters}}",
        "{{! a comment }}<a href=\"{{root}}index.html\">{{site.title}}</a>{{{nav.home.title}}}",
        "{{#nav.parts}}{{#isPart}}{{part.title}}{{#chapters}}{{number}} {{.}}{{/chapters}}{{/isPart}}{{/nav.parts}}",
    ])
    func navigationValues(text: String) {
        #expect(NavigationPartial.isShared(text))
    }

    @Test("a custom partial that shows the page's title shows each page's own")
    func customPartial() async throws {
        var handbook = try TestHandbook([
            "chapters/02-second.md": "---\ntitle: Second\n---\n\nText.\n\n## SECOND-1 Do the second thing\n\nBecause.\n",
        ])
        let templates = handbook.folder + "/Templates"
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: templates)
        let partial = templates + "/partials/chapter-nav.mustache"
        let original = try String(contentsOfFile: partial, encoding: .utf8)
        try ("<p class=\"reading\">Reading: {{page.title}}</p>\n" + original).write(toFile: partial, atomically: true, encoding: .utf8)
        handbook.templates = templates
        #expect(await handbook.build().succeeded)
        #expect(try handbook.read("rules/FIRST-1.html").contains(#"<p class="reading">Reading: FIRST-1 Do the first thing</p>"#))
        #expect(try handbook.read("rules/SECOND-1.html").contains(#"<p class="reading">Reading: SECOND-1 Do the second thing</p>"#))
        #expect(try handbook.read("chapters/second.html").contains(#"<a href="../chapters/second.html" aria-current="page">Second</a>"#))
        #expect(try handbook.read("rules/SECOND-1.html").contains(#"<a href="../chapters/second.html">Second</a>"#))
    }

    @Test("pages that share the navigation show it as if rendered on each, the current page marked")
    func sharedNavigation() async throws {
        let handbook = try TestHandbook([
            "chapters/02-second.md": "---\ntitle: Second\n---\n\nText.\n\n## SECOND-1 Do the second thing\n\nBecause.\n",
        ])
        #expect(await handbook.build().succeeded)
        let rule = try handbook.read("rules/SECOND-1.html")
        #expect(rule.contains(#"<li><a href="../chapters/first.html">First</a></li>"#))
        #expect(rule.contains(#"<li><a href="../chapters/second.html">Second</a></li>"#))
        #expect(try handbook.read("chapters/second.html").contains(#"<li><a href="../chapters/second.html" aria-current="page">Second</a></li>"#))
        #expect(try handbook.read("index.html").contains(#"<li><a href="chapters/first.html">First</a></li>"#))
    }
}
