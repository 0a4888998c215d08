/// `rule-previews.js` (`RulePreviews`): every rule's title and first sentence, loaded only when
/// a reader first points at a reference, so `serve` writes it when it is asked for rather than
/// on every save.
struct RulePreviewsEdition: Edition {
    let handbook: ResolvedHandbook

    var kind: SiteEdition { .rulePreviews }

    func make() throws -> String {
        try RulePreviews.script(handbook)
    }

    func write(_ made: String, into folder: SiteFolder) throws -> DownloadSizes? {
        try folder.write(made, to: SiteLayout.rulePreviews, scope: .edition(kind))
        return nil
    }
}
