/// What an observation append did.
public struct ObservationWriteSummary: Hashable, Sendable, Codable {
    /// Observations newly stored.
    public var inserted: Int
    /// Observations that replaced held values.
    public var replaced: Int
    /// Series touched.
    public var series: Int

    /// Creates a summary.
    public init(inserted: Int, replaced: Int, series: Int) {
        self.inserted = inserted
        self.replaced = replaced
        self.series = series
    }
}
