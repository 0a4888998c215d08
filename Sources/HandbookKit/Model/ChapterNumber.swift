/// A chapter's number as readers see it: chapters are numbered 1, 2, 3 through the handbook,
/// and the chapters of appendix parts (`appendix: true` in part.yml) lettered A, B, C in a
/// series of their own, so that adding an appendix never renumbers a chapter.
struct ChapterNumber: Hashable, Sendable {
    /// "3", or "B" for an appendix.
    var label: String
    var isAppendix: Bool

    /// Each chapter's number, from each chapter's part in order (`ResolvedHandbook.chapterParts`).
    static func numbers(_ parts: [HandbookPart?]) -> [ChapterNumber] {
        var chapters = 0
        var appendices = 0
        return parts.map { part in
            if part?.isAppendix == true {
                appendices += 1
                return ChapterNumber(label: letters(appendices), isAppendix: true)
            }
            chapters += 1
            return ChapterNumber(label: String(chapters), isAppendix: false)
        }
    }

    /// 1 is A, 26 is Z, 27 is AA: the letters of ordered lists (`<ol type="A">`).
    static func letters(_ number: Int) -> String {
        var number = number
        var letters: [Character] = []
        while number > 0 {
            number -= 1
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(number % 26))))
            number /= 26
        }
        return String(letters.reversed())
    }
}
