/// One page resolved on its own: the page as it renders, and what it adds to the rest of the
/// handbook, which `Resolver` joins in the pages' order so that every rule's citations come out
/// as if the pages had been resolved one after another. Its citations and references are each
/// listed once, in the order the page first makes them.
struct PageResolution: Sendable {
    /// A rule this page refers to, and from where.
    struct Citing: Sendable, Hashable {
        var target: String
        var citation: Citation
    }

    /// A rule of this chapter whose own text refers to another.
    struct Reference: Sendable, Hashable {
        var source: String
        var target: String
    }

    var page: ResolvedPage
    var diagnostics: [Diagnostic] = []
    var citations: [Citing] = []
    var references: [Reference] = []
    var usedMedia: [ExactText] = []
    /// Every question asked of the table, for `ResolveMemo`.
    var lookups: [ResolveLookup] = []
}
