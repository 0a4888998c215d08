/// The stable, machine-readable code of a `Diagnostic`, as `handbook check --format json` prints
/// it: the raw value is the code (`rule.unknown`), the case its Swift name (`.ruleUnknown`).
/// docs/diagnostics.md lists every one; `DiagnosticCodeTests` keeps the two in step.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: - Content folder and files

    /// There is no content folder where the build looks for one.
    case contentMissing = "content.missing"
    /// The handbook has no chapters.
    case contentNoChapters = "content.noChapters"
    /// A chapter, tip list, handbook.yml or previous edition's record is, or links to, a file outside the content folder.
    case contentOutside = "content.outside"
    /// A file in chapters/ or tips/ is not `.md`, so it is not read (a warning).
    case contentIgnored = "content.ignored"
    /// A chapter's file name is not a number, a hyphen and a lower-case slug.
    case chapterName = "chapter.name"
    /// Two chapters' file names start with the same number, so their order is unclear.
    case chapterOrder = "chapter.order"
    /// Two chapters have the same slug, so both would be written to one page.
    case chapterDuplicate = "chapter.duplicate"
    /// A folder in chapters/ (a part) is not named like a chapter, a number, a hyphen and a slug.
    case partName = "part.name"
    /// A part's folder has no part.yml.
    case partConfigMissing = "part.configMissing"
    /// A folder inside a part's folder: parts have one level only.
    case partNested = "part.nested"
    /// A part holds no chapters (a warning).
    case partEmpty = "part.empty"
    /// A tip list's file name is not a slug of lower-case letters, digits and hyphens.
    case tipsName = "tips.name"
    /// A chapter's or tip list's slug is longer than a file name may be.
    case fileNameLength = "file.nameLength"
    /// A source file is not valid UTF-8 (reported at the first bad byte).
    case fileEncoding = "file.encoding"
    /// A source file does not exist (a broken link?) or cannot be read.
    case fileUnreadable = "file.unreadable"
    /// A source file is a folder, pipe or device rather than a regular file.
    case fileNotRegular = "file.notRegular"
    /// A source file is larger than its size limit.
    case fileTooLarge = "file.tooLarge"
    /// A line holds a control character that web pages and the EPUB edition cannot contain.
    case textControlCharacter = "text.controlCharacter"
    /// A title is longer than the limit on title length.
    case textTitleLength = "text.titleLength"

    // MARK: - handbook.yml and YAML

    /// The content folder has no handbook.yml.
    case configMissing = "config.missing"
    /// handbook.yml or front matter is not valid YAML (or repeats a key).
    case yamlInvalid = "yaml.invalid"
    /// handbook.yml or front matter is YAML, but not `key: value` lines.
    case yamlNotMapping = "yaml.notMapping"
    /// A YAML key is not a plain name: a list, mapping or alias.
    case configKeyType = "config.keyType"
    /// A key that handbook.yml or front matter does not have.
    case configUnknownKey = "config.unknownKey"
    /// A required key, such as `title`, is missing or empty.
    case configMissingKey = "config.missingKey"
    /// A value has the wrong type: not true or false, not a positive number, not a single value or mapping.
    case configType = "config.type"
    /// `language` is not a well-formed BCP 47 language tag.
    case configLanguage = "config.language"
    /// `base_url` is not an http or https address.
    case configBaseURL = "config.baseURL"
    /// `rule_id_pattern` cannot be used: not POSIX extended syntax, Perl's syntax, a
    /// back-reference, unbalanced parentheses, too long, or counted repetitions too large.
    case configRulePattern = "config.rulePattern"
    /// `rule_id_pattern` matches ordinary words or numbers, which would become identifiers.
    case configRulePatternBroad = "config.rulePatternBroad"

    // MARK: - Front matter

    /// A page does not start with front matter.
    case frontMatterMissing = "frontMatter.missing"
    /// A page's front matter has no closing `---` line.
    case frontMatterUnterminated = "frontMatter.unterminated"
    /// A page's `updated` is not a date in the form YYYY-MM-DD.
    case frontMatterDate = "frontMatter.date"
    /// A page's `extra` has a field name templates cannot look up, or is too large or deep.
    case frontMatterExtra = "frontMatter.extra"

    // MARK: - Markdown

    /// A paragraph has so many image openers among its brackets that the Markdown parser would slow down.
    case markdownBrackets = "markdown.brackets"
    /// A line nests quotes and lists deeper than the limit, which slows the Markdown parser.
    case markdownNesting = "markdown.nesting"
    /// A pipe table, which this parser shows as text (a warning, once per file).
    case markdownTable = "markdown.table"
    /// A footnote reference or definition, shown as text (a warning, once per file).
    case markdownFootnote = "markdown.footnote"
    /// A task list item, `[ ]` or `[x]`, shown as text (a warning, once per file).
    case markdownTaskList = "markdown.taskList"
    /// `~~strikethrough~~`, shown as text (a warning, once per file).
    case markdownStrikethrough = "markdown.strikethrough"
    /// A definition list, `Term` then `: definition`, shown as text (a warning, once per file).
    case markdownDefinitionList = "markdown.definitionList"
    /// Raw HTML that is left out because `allow_raw_html` is off (a warning, once per kind and file).
    case markdownHtmlDropped = "markdown.htmlDropped"
    /// A callout marker, `> [!WORD]`, names no kind of callout, so the quote stays a quote (a warning).
    case calloutUnknown = "callout.unknown"
    /// A callout marker has text after it on its line, so the quote stays a quote (a warning).
    case calloutMarkerLine = "callout.markerLine"

    // MARK: - Rules

    /// A `rule:` link names an identifier no rule has.
    case ruleUnknown = "rule.unknown"
    /// Two rules have the same identifier.
    case ruleDuplicate = "rule.duplicate"
    /// A rule's identifier would give its page the name of a page the site writes itself (`index`).
    case ruleReservedIdentifier = "rule.reservedIdentifier"
    /// A rule heading has an identifier but no title.
    case ruleUntitled = "rule.untitled"
    /// A rule is defined in a tip list rather than a chapter.
    case ruleInTipList = "rule.inTipList"
    /// A rule identifier is longer than the limit (it names a file).
    case ruleIdentifierLength = "rule.identifierLength"
    /// A bare word with a known rule prefix names no rule (a warning).
    case ruleUndefinedReference = "rule.undefinedReference"
    /// A rule-level heading whose identifier place holds something shaped like an identifier
    /// that the grammar refuses, so it is a plain heading (a warning).
    case ruleHeadingRefused = "rule.headingRefused"
    /// A chapter's front-matter `id` is not an identifier of the handbook's grammar.
    case ruleChapterId = "rule.chapterId"

    // MARK: - Links

    /// A link points to no chapter, tip list or media file, or outside the content folder.
    case linkBroken = "link.broken"
    /// A link's page has no heading or tip with the link's anchor.
    case linkAnchor = "link.anchor"
    /// A link starts with `/`, which breaks when the site is opened from the disk or a sub-folder.
    case linkAbsolute = "link.absolute"
    /// A link names a media file whose name is the same text in another Unicode form.
    case linkUnicodeForm = "link.unicodeForm"

    // MARK: - Anchors

    /// An explicit anchor, `{#name}`, or an alias under `anchors:` is not a safe id.
    case anchorInvalid = "anchor.invalid"
    /// Two headings of one page have the same explicit anchor, or one takes another's anchor.
    case anchorDuplicate = "anchor.duplicate"
    /// An alias under `anchors:` points to no heading or rule of its page.
    case anchorAliasTarget = "anchor.aliasTarget"
    /// An alias under `anchors:` is already an anchor of its page.
    case anchorAliasClash = "anchor.aliasClash"

    // MARK: - Media

    /// A link or image points into media/ at a file that is not there.
    case mediaMissing = "media.missing"
    /// An image is on another site, so readers' browsers would fetch it from there.
    case imageExternal = "image.external"
    /// A file in media/ is a link to a file outside the content folder.
    case mediaOutside = "media.outside"
    /// A file in media/ cannot be read: a broken link, not a regular file, or not readable.
    case mediaUnreadable = "media.unreadable"
    /// A file in media/ cannot be published under its name.
    case mediaName = "media.name"
    /// Two files in media/ have names that differ only in their Unicode form.
    case mediaNameClash = "media.nameClash"
    /// A file in media/ is of a type browsers would run, and `allow_active_media` is not set.
    case mediaActive = "media.active"
    /// A file in media/ that no page links to or shows (a warning).
    case mediaUnused = "media.unused"

    // MARK: - Change notes and editions

    /// A key under `changes` in front matter is not a rule identifier.
    case changeNoteKey = "change.noteKey"
    /// A change note has no text.
    case changeEmptyNote = "change.emptyNote"
    /// A rule has more than one change note.
    case changeNoteTwice = "change.noteTwice"
    /// A change note names neither a rule of its chapter nor one withdrawn since the previous edition.
    case changeNoteUnknown = "change.noteUnknown"
    /// A change note is for a rule of another chapter.
    case changeNoteElsewhere = "change.noteElsewhere"
    /// A change note's rule has not changed since the previous edition, so it is not shown (a warning).
    case changeNoteUnchanged = "change.noteUnchanged"
    /// A change note is not inside a rule, or is in a tip list, so it is not shown (a warning).
    case changeNoteOutsideRule = "change.noteOutsideRule"
    /// There is no previous edition's record at the given path.
    case editionPreviousMissing = "edition.previousMissing"
    /// The previous edition's record is not a handbook.json that handbook wrote, or is of a newer schema.
    case editionPreviousInvalid = "edition.previousInvalid"
    /// The previous edition's record does not name its edition.
    case editionPreviousUnnamed = "edition.previousUnnamed"
    /// handbook.yml has no `edition`, which a comparison with a previous edition needs.
    case editionUnnamed = "edition.unnamed"
    /// This edition and the previous one have the same name.
    case editionSameName = "edition.sameName"

    // MARK: - Search

    /// The search index is larger than `search_index_budget` allows (a warning).
    case searchBudget = "search.budget"
    /// The search index could not be built.
    case searchIndex = "search.index"

    // MARK: - Templates

    /// There is no template folder where `--templates` points.
    case templateFolderMissing = "template.folderMissing"
    /// The template folder lacks a template that every build needs.
    case templateMissing = "template.missing"
    /// A template uses a partial for which there is no template.
    case templateMissingPartial = "template.missingPartial"
    /// A template does not parse.
    case templateSyntax = "template.syntax"

    // MARK: - Output

    /// The output folder is not empty and was not written by handbook.
    case outputNotOurs = "output.notOurs"
    /// The output path is a file, not a folder.
    case outputNotFolder = "output.notFolder"
    /// The output folder is, contains or is inside the content or template folder, or holds the `--previous` record.
    case outputOverlap = "output.overlap"
    /// Writing the site failed (no space or no permission, say).
    case outputWrite = "output.write"
}
