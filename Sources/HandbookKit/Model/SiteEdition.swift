/// The files made from the whole handbook rather than from a part of it. A rebuild of
/// `handbook serve` leaves them out of date, and each is written when one of its files is
/// asked for (`HandbookBuilder.updateEditions`); the offline copy holds all of the others.
public enum SiteEdition: Sendable, Hashable, CaseIterable {
    /// rules/index.html, the list of every rule.
    case rulesIndex
    /// embed/index.html, the guide for intranet editors.
    case embedGuide
    /// rule-previews.js, the previews of references.
    case rulePreviews
    /// handbook.json and its schema.
    case index
    /// search-index.json, search-index.js and its parts.
    case search
    /// print.html.
    case print
    /// handbook.epub.
    case epub
    /// The home page with the sizes of the downloads, sw.js and handbook-offline.zip.
    case offline

    /// The edition a file of the site belongs to; nil for a page.
    public static func containing(_ path: String) -> SiteEdition? {
        switch path {
        // A server answers for a folder with its index.html.
        case SiteLayout.rulesIndex, SiteLayout.rulesFolder, SiteLayout.rulesFolder + "/": return .rulesIndex
        case SiteLayout.embedIndex, SiteLayout.embedFolder, SiteLayout.embedFolder + "/": return .embedGuide
        case SiteLayout.rulePreviews: return .rulePreviews
        case SiteLayout.handbookIndex, SiteLayout.handbookSchema: return .index
        case SiteLayout.searchIndexJSON, SiteLayout.searchIndexScript: return .search
        case SiteLayout.print: return .print
        case SiteLayout.epub: return .epub
        case SiteLayout.offlineArchive, SiteLayout.serviceWorker: return .offline
        default:
            return SiteLayout.isSearchIndexPart(path) ? .search : nil
        }
    }

    /// What must be written for this edition to be up to date: the offline copy needs the others.
    var needs: [SiteEdition] {
        self == .offline ? SiteEdition.allCases : [self]
    }

    /// How many HTML pages of the site the edition writes.
    var pages: Int {
        switch self {
        case .rulesIndex, .embedGuide, .print: 1
        case .rulePreviews, .index, .search, .epub, .offline: 0
        }
    }
}
