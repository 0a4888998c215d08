/// What every page shows besides its own content: the handbook's settings (`site`) and the
/// navigation (`nav`). `PageContext` builds both from this value and nothing else, and
/// `RenderKeys` hashes it into every page's key, so the frame a page shows and its key cannot
/// disagree.
struct PageFrame: Hashable, Sendable {
    /// A chapter or tip list in the navigation.
    struct Link: Hashable, Sendable {
        var title: String
        var path: String
        /// A chapter's part.
        var part: HandbookPart?
        /// A chapter's number.
        var number: ChapterNumber?
    }

    var config: HandbookConfig
    /// Set when the build compares with a previous edition.
    var previousEdition: String?
    /// Empty when the navigation does not list the chapters (`chaptersListed`).
    var chapters: [Link]
    var chapterCount: Int
    /// Empty when the navigation does not list the tip lists (`tipListsListed`).
    var tipLists: [Link]
    var tipListCount: Int
    /// The handbook's first rule, as an example of its identifiers in the search box.
    var exampleRule: String?

    init(_ handbook: ResolvedHandbook) {
        config = handbook.config
        exampleRule = handbook.rules.first?.identifier
        previousEdition = handbook.history.previousEdition
        chapterCount = handbook.chapters.count
        tipListCount = handbook.tipLists.count
        chapters = []
        tipLists = []
        if chaptersListed {
            chapters = handbook.chapters.indices.map { index in
                let page = handbook.chapters[index].page
                return Link(
                    title: page.frontMatter.title, path: page.outputPath, part: handbook.part(ofChapter: index),
                    number: handbook.number(ofChapter: index))
            }
        }
        if tipListsListed {
            tipLists = handbook.tipLists.map { Link(title: $0.page.frontMatter.title, path: $0.page.outputPath) }
        }
    }

    /// Above `PageContext.chapterListLimit` chapters, pages link to the contents instead of
    /// listing every chapter: a list on every page would make the site grow with the square of
    /// its size.
    var chaptersListed: Bool { chapterCount <= PageContext.chapterListLimit }

    /// Tip lists are listed on every page only when the chapters are: a handbook too large to
    /// list its chapters has too many tip lists to list them on every page too.
    var tipListsListed: Bool { chaptersListed && tipListCount <= PageContext.chapterListLimit }
}
