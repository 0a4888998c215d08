/// A document rendered to HTML, block by block.
public struct RenderedDocument: Sendable {
    /// One string per top-level block.
    public var blocks: [String] = []
    /// The content of each top-level list item, when asked for.
    public var listItems: [String] = []

    public init(blocks: [String] = [], listItems: [String] = []) {
        self.blocks = blocks
        self.listItems = listItems
    }
}
