/// A tile with a RAG colour.
public struct RAGTile: Hashable, Sendable {
    /// What the tile is about.
    public var label: String
    /// Its judgement, if there is one.
    public var rag: RAG?
    /// Its value.
    public var value: ReportCell
    /// A line of detail.
    public var detail: String?

    /// Creates a tile.
    public init(label: String, rag: RAG?, value: ReportCell, detail: String? = nil) {
        self.label = label
        self.rag = rag
        self.value = value
        self.detail = detail
    }
}
