import Foundation
import Synchronization

/// The editions that are made from the rendered content alone (handbook.json, the print
/// edition, the EPUB's documents), made at the same time on all cores before they are written
/// one after the other.
struct EditionProducts: Sendable {
    var index: Result<Data, any Error>?
    var print: String?
    var epub: EPUBBook?

    static func make(
        _ editions: [SiteEdition], _ handbook: ResolvedHandbook, templates: TemplateSet, content: RenderedContent,
        siteFolder: String
    ) -> EditionProducts {
        let jobs: [@Sendable (inout EditionProducts) -> Void] = editions.compactMap { edition in
            switch edition {
            case .index:
                return { $0.index = Result { try HandbookIndex(handbook, content: content).encoded() } }
            case .print:
                return { $0.print = PrintEdition.render(handbook, content: content, templates: templates) }
            case .epub:
                return { products in
                    let stylesheet = templates.files.files[SiteLayout.epubStylesheet].map { String(decoding: $0, as: UTF8.self) } ?? ""
                    products.epub = EPUBEdition.book(
                        handbook, content: content, templates: templates, stylesheet: stylesheet, siteFolder: siteFolder)
                }
            case .search, .offline:
                return nil
            }
        }
        let products = Mutex(EditionProducts())
        DispatchQueue.concurrentPerform(iterations: jobs.count) { number in
            var made = EditionProducts()
            jobs[number](&made)
            products.withLock { products in
                products.index = products.index ?? made.index
                products.print = products.print ?? made.print
                products.epub = products.epub ?? made.epub
            }
        }
        return products.withLock { $0 }
    }
}
