/// A key figure: a label, a value and what it means.
public struct KeyFigure: Hashable, Sendable {
    /// What is counted.
    public var label: String
    /// The value.
    public var value: ReportCell
    /// A line of context, such as the change since the last period.
    public var detail: String?
    /// A judgement, if there is one.
    public var rag: RAG?

    /// Creates a key figure.
    public init(label: String, value: ReportCell, detail: String? = nil, rag: RAG? = nil) {
        self.label = label
        self.value = value
        self.detail = detail
        self.rag = rag
    }
}
