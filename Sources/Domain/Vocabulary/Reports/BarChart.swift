/// A bar chart.
public struct BarChart: Hashable, Sendable {
    /// One bar.
    public struct Bar: Hashable, Sendable {
        /// The bar's label.
        public var label: String
        /// Its value.
        public var value: Double
        /// Its colour, if it carries a judgement.
        public var rag: RAG?
        /// Whether the value is a count, which public reports suppress from 1 to 5.
        public var isCount: Bool
        /// Creates a bar.
        public init(label: String, value: Double, rag: RAG? = nil, isCount: Bool = false) {
            self.label = label
            self.value = value
            self.rag = rag
            self.isCount = isCount
        }
    }

    /// The chart's title.
    public var title: String
    /// The unit of the values.
    public var unit: String
    /// The bars, in order.
    public var bars: [Bar]
    /// What the bars are, as the heading of their labels in the chart's data table: `Kind`.
    public var category: String

    /// Creates a bar chart.
    public init(title: String, unit: String, category: String = "Item", bars: [Bar]) {
        self.title = title
        self.unit = unit
        self.category = category
        self.bars = bars
    }

    /// The heading of the values in the chart's data table: the unit, as a heading.
    public var valueHeading: String { unit.isEmpty ? "Value" : unit.prefix(1).uppercased() + unit.dropFirst() }
}
