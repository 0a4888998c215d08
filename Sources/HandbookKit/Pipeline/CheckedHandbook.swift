/// Everything short of writing: the resolved handbook, the templates and the search index. A
/// part is nil when the steps before it failed.
public struct CheckedHandbook: Sendable {
    var handbook: ResolvedHandbook?
    var templates: TemplateSet?
    var search: SearchFiles?
    var configPath = ""
}
