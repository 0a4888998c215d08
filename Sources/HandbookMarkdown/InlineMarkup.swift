/// HTML written as it is around rendered inline content: the caller made it, and escaped
/// whatever text it holds.
public struct InlineMarkup: Sendable, Hashable {
    public var open: String
    public var close: String

    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }
}
