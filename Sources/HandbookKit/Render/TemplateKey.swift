/// Every name a template can look a value up by: one case per key of any page's context, of the
/// values nested in it (a chapter inside `chapters`, a link inside `nav`), and of the service
/// worker's. The raw value is the name as templates write it (`{{site.title}}`, `{{#chapters}}`),
/// so a misspelt key in Swift does not compile; `TemplateKeyTests` checks that the templates ask
/// for no name outside this list, and that every case is used. docs/templates.md says what each
/// page kind gets. Each comment names the templates that read the key (nested keys are read
/// inside a section of their parent: `{{#chapters}}{{title}}{{/chapters}}`).
enum TemplateKey: String, CaseIterable, Sendable {
    // MARK: - Every page

    /// The handbook's settings (`site.title`, ...): layout, embed-layout, index, print, the embeds, partials/site-header, site-footer and updated.
    case site
    /// `site.draft`, set by `handbook build --draft`: layout, embed-layout, print and partials/site-header.
    case draft
    /// The path from the page to the site root, `""` or `"../"`: layout, embed-layout, withdrawn-rule, partials/site-header and site-footer.
    case root
    /// The page itself (`page.title`, `page.kind`, ...): layout and embed-layout.
    case page
    /// The navigation (`nav.home`, `nav.chapters`, ...): partials/site-header and chapter-nav.
    case nav
    /// `partials/chapter-nav` as rendered once for the pages that show the same navigation
    /// (`NavigationPartial`): the page templates read it in the partial's place.
    case chapterNavigation

    // MARK: - site

    /// The handbook's language (`site.language`): layout and embed-layout.
    case language
    /// The handbook's subtitle (`site.subtitle`): index and print.
    case subtitle
    /// Who publishes the handbook (`site.organisation`): index, print and partials/site-footer.
    case organisation
    /// The edition's name (`site.edition`, `changes.edition`): index, print, changes, the embeds, partials/site-header, site-footer and updated.
    case edition
    /// Where the site is published (`site.baseURL`, from `base_url`), for whole addresses in copied links and citations: layout.
    case baseURL
    /// The handbook's first rule's identifier (`site.exampleRule`), to show how its rules are searched for: partials/site-header.
    case exampleRule
    /// The changes page from the site root, when comparing (`site.changesURL`); a withdrawn rule's entry there (`rule.changesURL`): index, withdrawn-rule and partials/site-footer.
    case changesURL
    /// The previous edition's name (`site.previousEdition`, `changes.previousEdition`): index, partials/site-footer and partials/changes.
    case previousEdition

    // MARK: - page

    /// The page's kind, one of the page-kind keys below (`page.kind`); a citation's or a mark's kind: layout, embed-layout, rule and embed-rule.
    case kind
    /// A title: of the site, a page, a chapter, a rule, a tip list, a link, a download, a change: nearly every template.
    case title
    /// A description: of the site, a page (`page.description`), a download: layout, index and print.
    case description
    /// The page's path from the site root (`page.path`): for custom templates; the default ones do not use it.
    case path
    /// The page's canonical address, with `base_url` (`page.canonical`): layout and embed-layout.
    case canonical
    /// The page's oEmbed file, with `base_url`, on embeddable pages (`page.oembed`): layout.
    case oembed

    // MARK: - Page kinds: the value of page.kind, and a flag of the same name set on the page

    /// The home page (`page.home`): layout; the home link in `nav` (`nav.home`): partials/site-header and chapter-nav.
    case home
    /// A chapter's page and embed (`page.chapter`); the chapter shown (`chapter`), or a rule's or a change's chapter: chapter, embed-chapter, rule and partials/changes.
    case chapter
    /// A rule's page and embed (`page.rule`); the rule shown (`rule`): rule, embed-rule and withdrawn-rule.
    case rule
    /// A tip list's page and embed (`page.tipList`); the tip list shown (`tipList`): tip-list and embed-tip-list.
    case tipList
    /// The page listing every rule (`page.rulesIndex`): a page kind no default template tests for.
    case rulesIndex
    /// The search page (`page.search`), whose own search box is the only one it shows: partials/site-header.
    case search
    /// The embed guide (`page.embedIndex`): a page kind no default template tests for.
    case embedIndex
    /// The print edition (`page.print`): a page kind no default template tests for.
    case print
    /// The changes page (`page.changes`); what changed (`changes`): changes.
    case changes
    /// A withdrawn rule's page (`page.withdrawnRule`): a page kind no default template tests for.
    case withdrawnRule
    /// The page a web server shows for an address with no page (`page.notFound`), written when the templates have `404.mustache`; its own search box is the only one it shows: partials/site-header.
    case notFound

    // MARK: - nav

    /// The chapters: in `nav` (links), on the home page and in print (summaries), in the embed guide and in `embed`: partials/chapter-nav, index, print and embed-index.
    case chapters
    /// The tip lists: in `nav`, on the home page, in print, in `embed` and among the changes: partials/chapter-nav, index, print, embed-index and partials/changes.
    case tipLists
    /// Whether the handbook has tip lists (`nav`, home, `embed`) or tip lists changed (`changes`): partials/chapter-nav, index, embed-index and partials/changes.
    case hasTipLists
    /// The entry points by situation on the home page (`text`, `url`: the first rule in its chapter, `rules`): index.
    case situations
    /// Whether the handbook lists situations: index.
    case hasSituations
    /// Whether `nav` leaves the tip lists out, as there are too many: partials/chapter-nav.
    case tipListsOmitted
    /// The number of tip lists (`nav.tipListCount`): partials/chapter-nav.
    case tipListCount
    /// Whether `nav` leaves the chapters out, as there are too many: partials/chapter-nav.
    case chaptersOmitted
    /// The number of chapters (`nav.chapterCount`): partials/chapter-nav.
    case chapterCount
    /// The rules: the link to all rules (`nav.rules`), a group's rules, a tip's rules, the rule cards of `embed`: partials/site-header, rules-index, print, partials/tips and embed-index.
    case rules
    /// The address of a link, a chapter, a rule, a download, a change or a mark: most templates.
    case url
    /// Whether a chapter is an appendix, whose `number` is a letter: chapter and print.
    case isAppendix
    /// Whether a part holds appendices (`part.appendix`), lettered A, B, C: partials/chapter-nav, index and print.
    case appendix
    /// Whether a link in `nav` leads to the page it is on: partials/site-header and chapter-nav.
    case current
    /// Whether a chapter link in `nav` leads to the chapter the page is part of (a rule's page): partials/chapter-nav.
    case currentSection

    // MARK: - Chapters

    /// A chapter's number, from 1: chapter, index, print and rules-index.
    case number
    /// A chapter's summary from its front matter; a tip list's; the changes' summary sentence: chapter, embed-chapter, tip-list, embed-tip-list, index, print and partials/changes.
    case summary
    /// A chapter's or tip list's `extra` front matter, as written, for custom templates (`{{extra.owner}}`): not read by the default templates.
    case extra
    /// A page's "updated" date from its front matter, as written (`2026-11-21`), for `<time datetime>`: partials/updated.
    case updated
    /// The same date in the words of the handbook's language ("21 November 2026" in en-GB): partials/updated.
    case updatedInWords
    /// The number of a chapter's rules, or of all rules: index and rules-index.
    case ruleCount
    /// "7 rules", on a chapter with rules: index.
    case rulesLabel
    /// HTML: a chapter's body, a rule's text, a tip's text: chapter, embed-chapter, rule, embed-rule, print and partials/tips.
    case html
    /// A chapter's "On this page" headings: chapter.
    case contents
    /// Whether a chapter has more than one heading to list: chapter.
    case hasContents
    /// The previous chapter, rule or tip list: chapter, rule and tip-list.
    case previous
    /// The next chapter, rule or tip list: chapter, rule and tip-list.
    case next
    /// The page of the chapter, rule or tip list an embed shows: embed-chapter, embed-rule and embed-tip-list.
    case fullURL
    /// A chapter's or tip list's slug: print.
    case slug
    /// A rule's groups of rules by chapter: rules-index and print.
    case groups

    // MARK: - Parts

    /// Whether some chapter is in a part (`nav.hasParts`, and on the home page, in print and in `embed`): partials/chapter-nav, index, print and embed-index.
    case hasParts
    /// The chapters in sections by part, when `hasParts` (`nav.parts`, `parts`, `embed.parts`): partials/chapter-nav, index, print and embed-index.
    case parts
    /// Whether a section of `parts` is a part, or chapters outside any part: partials/chapter-nav, index, print and embed-index.
    case isPart
    /// A section's part (`id`, `title`, `summary`); a chapter's part (`chapter.part`): chapter, partials/chapter-nav, index, print and embed-index.
    case part
    /// The number of a section's first chapter, for `<ol start>`: partials/chapter-nav, index and print.
    case start
    /// Set on the first chapter of a part, before which print shows the part's heading: print.
    case partStart

    // MARK: - Headings (`chapter.contents`)

    /// An anchor or a rule identifier: chapter, rule, embed-rule, rules-index, print, embed-index, withdrawn-rule, partials/changes and tips.
    case id
    /// A heading's level, 2 or 3: for custom templates; the default ones use `nested`.
    case level
    /// Whether a heading is of level 3, or a rule a sub-rule: chapter, rules-index and print.
    case nested
    /// The rule identifier of a heading that starts a rule: chapter.
    case ruleId
    /// A heading's text, or a situation's on the home page: chapter and index.
    case text

    // MARK: - Rules

    /// A rule's place in its chapter's page: rule.
    case contextURL
    /// The rules a rule cites: rule.
    case cites
    /// The places that cite a rule: rule.
    case citedBy
    /// Whether a rule cites any: rule.
    case hasCites
    /// Whether anything cites a rule: rule.
    case hasCitedBy
    /// The rule a sub-rule is part of: rule.
    case parent
    /// A rule's sub-rules: rule.
    case subrules
    /// Whether a rule has sub-rules: rule.
    case hasSubrules
    /// What a citation or a mark says; a change's kinds ("Reworded and moved"): rule, embed-rule and partials/changes.
    case label
    /// Whether a citation is from a chapter: rule.
    case isChapter
    /// Whether a citation is from a rule: rule.
    case isRule
    /// Whether a citation is from a tip: rule.
    case isTip
    /// A changed rule's mark: rule and embed-rule.
    case change
    /// A change note, as HTML: rule, withdrawn-rule and partials/changes.
    case note

    // MARK: - Tip lists

    /// A tip list's prose and runs of tips: partials/tips.
    case sections
    /// A section of prose, as HTML: partials/tips.
    case prose
    /// Whether a section is a run of tips: partials/tips.
    case isTips
    /// The tips of a run: partials/tips.
    case tips
    /// A tip's anchor: partials/tips.
    case anchor
    /// Whether a tip names rules: partials/tips.
    case hasRules
    /// "4 tips", on the home page: index.
    case tipsLabel

    // MARK: - Home page

    /// The downloads and their sizes: index.
    case downloads
    /// Whether there are downloads to list: index.
    case hasDownloads
    /// A download's format ("EPUB 3"): index.
    case format
    /// A download's size ("820 KB"): index.
    case size
    /// The page of all rules, from the site root: index.
    case rulesURL

    // MARK: - Rules index and withdrawn rules

    /// The withdrawn rules: rules-index and partials/changes.
    case withdrawn
    /// Whether there are withdrawn rules: rules-index and partials/changes.
    case hasWithdrawn
    /// The edition a rule was withdrawn in: rules-index and withdrawn-rule.
    case withdrawnIn
    /// The title of the chapter a withdrawn rule was in: withdrawn-rule and partials/changes.
    case chapterTitle
    /// The page of the chapter a withdrawn rule was in, if it still exists: withdrawn-rule.
    case chapterURL
    /// The edition a withdrawn rule dates from: withdrawn-rule.
    case since
    /// A withdrawn rule's last wording: withdrawn-rule.
    case wording
    /// Whether a withdrawn rule has a wording to show: withdrawn-rule.
    case hasWording

    // MARK: - Changes (partials/changes)

    /// Whether any rule or tip list changed: partials/changes.
    case hasChanges
    /// The rules added; a tip list's tips added: partials/changes.
    case added
    /// Whether rules or tips were added: partials/changes.
    case hasAdded
    /// The rules changed: partials/changes.
    case changed
    /// Whether rules changed: partials/changes.
    case hasChanged
    /// A tip list's tips removed: partials/changes.
    case removed
    /// Whether tips were removed: partials/changes.
    case hasRemoved
    /// A tip list's tips reworded: partials/changes.
    case reworded
    /// Whether tips were reworded: partials/changes.
    case hasReworded
    /// A rule's or a tip's wording compared, as HTML: partials/changes.
    case diff
    /// A rule's earlier title (`retitled.before`, `retitled.after`): partials/changes.
    case retitled
    /// The earlier title: partials/changes.
    case before
    /// The new title: for custom templates; the default ones do not use it.
    case after
    /// Where a rule moved from (`moved.fromTitle`, `moved.fromURL`): partials/changes.
    case moved
    /// The title of the chapter a rule moved from: partials/changes.
    case fromTitle
    /// The page of the chapter a rule moved from, if it still exists: partials/changes.
    case fromURL
    /// What happened to a tip list ("New tip list", "2 tips added"): partials/changes.
    case status

    // MARK: - Embed guide (`embed`)

    /// The embed guide's snippets: embed-index.
    case embed
    /// Whether the site's address is known (`base_url`): embed-index.
    case baseKnown
    /// The script that lets a frame grow with its content: embed-index.
    case listener
    /// An embed page, to preview it: embed-index.
    case preview
    /// An iframe to copy: embed-index.
    case snippet

    // MARK: - Service worker

    /// The name of the offline cache, which changes with the site: service-worker.
    case cacheVersion
    /// The files to cache, as a JavaScript literal: service-worker.
    case files
}
