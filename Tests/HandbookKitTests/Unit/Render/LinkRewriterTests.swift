import Testing
@testable import HandbookKit

@Suite("Link rewriting for other editions")
struct LinkRewriterTests {
    @Test("only href and src values that start with ../ are rewritten")
    func rewrite() {
        let html = ##"<a href="../chapters/a.html#X-1">a</a> <img src="../media/p.png" alt="../x"> <a href="https://e.org/../y">e</a> <a data-href="../z">z</a> <a href="#top">t</a>"##
        let result = LinkRewriter.rewrite(html) { "[\($0)]" }
        #expect(result == ##"<a href="[chapters/a.html#X-1]">a</a> <img src="[media/p.png]" alt="../x"> <a href="https://e.org/../y">e</a> <a data-href="../z">z</a> <a href="#top">t</a>"##)
    }

    @Test("nil keeps a link as it was; multi-byte text survives")
    func keep() {
        let html = #"Café <a href="../tips/q.html">Ärger</a> ✓"#
        #expect(LinkRewriter.rewrite(html) { _ in nil } == html)
    }

    @Test("heading ids get a prefix unless kept; other ids are left alone")
    func prefixIDs() {
        let html = #"<h2 id="why">Why</h2><h3 id="CONF-1" class="rule-heading">R</h3><li class="tip" id="check">c</li><p id="other">p</p>"#
        let result = LinkRewriter.prefixHeadingIDs(html, prefix: "ch--") { $0 == "CONF-1" }
        #expect(result == #"<h2 id="ch--why">Why</h2><h3 id="CONF-1" class="rule-heading">R</h3><li class="tip" id="check">c</li><p id="other">p</p>"#)
    }

    @Test("an alias's id is always prefixed in the print edition, even one shaped like a rule identifier")
    func aliasIDs() {
        let html = #"<span class="anchor-alias" id="CONF-1"></span><span class="anchor-alias" id="old"></span><h2 id="CONF-1" class="rule-heading">R</h2>"#
        let result = LinkRewriter.prefixHeadingIDs(html, prefix: "ch--") { $0 == "CONF-1" }
        #expect(result == #"<span class="anchor-alias" id="ch--CONF-1"></span><span class="anchor-alias" id="ch--old"></span><h2 id="CONF-1" class="rule-heading">R</h2>"#)
    }

    @Test("download sizes read as people say them")
    func sizes() {
        #expect(Downloads.label(0) == "1 KB")
        #expect(Downloads.label(53_941) == "54 KB")
        #expect(Downloads.label(999_499) == "999 KB")
        #expect(Downloads.label(1_449_999) == "1.4 MB")
        #expect(Downloads.label(12_350_000) == "12.4 MB")
    }
}
