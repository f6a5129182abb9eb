/// A grid of small SPC charts, such as one measure across every locality.
public struct SmallMultiples: Hashable, Sendable {
    /// The grid's title.
    public var title: String
    /// The number of charts a row.
    public var columns: Int
    /// The charts.
    public var charts: [SPCChart]

    /// Creates a grid.
    public init(title: String, columns: Int = 4, charts: [SPCChart]) {
        self.title = title
        self.columns = max(1, columns)
        self.charts = charts
    }
}
