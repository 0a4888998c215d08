import Foundation
import HandbookMarkdown

/// A chapter or tip list, read and parsed, ready to be resolved against the rest of the handbook.
package struct ParsedPage: Sendable {
    package enum Kind: String, Sendable {
        case chapter
        case tipList
    }

    var kind: Kind
    var file: PageFile
    var displayPath: String
    var frontMatter: PageFrontMatter
    var document: MarkdownDocument
    var outline: DocumentOutline { document.outline }
    /// Changes whenever the file's text does: part of the keys of the pages made from it.
    var sourceDigest: Int
    /// Its rules' wordings, kept with it when the page is cached (`RuleWordingMemo`).
    var wordings = RuleWordingMemo()

    var slug: String { file.slug }

    /// The page's path in the output, from the site root.
    var outputPath: String {
        switch kind {
        case .chapter: SiteLayout.chapterPage(slug)
        case .tipList: SiteLayout.tipListPage(slug)
        }
    }

    /// The page's source path from the content root, as links between pages are written.
    var contentPath: String {
        switch kind {
        case .chapter: "chapters/\(file.relativePath)"
        case .tipList: "tips/\(file.fileName)"
        }
    }

    /// The folder `contentPath` is in, which the page's relative links start from.
    var contentFolder: String {
        String(contentPath[..<(contentPath.lastIndex(of: "/") ?? contentPath.startIndex)])
    }
}
