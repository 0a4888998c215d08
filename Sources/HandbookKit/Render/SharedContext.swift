/// A template context built once and read by the pages of many rendering tasks. Its values
/// are strings, numbers, flags and other contexts, none of which is ever changed once built,
/// so sharing it across tasks is safe though `[String: Any]` cannot say so.
final class SharedContext: @unchecked Sendable {
    let context: TemplateContext

    init(_ context: TemplateContext) {
        self.context = context
    }
}
