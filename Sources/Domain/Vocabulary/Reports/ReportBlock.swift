/// One block of a report section.
public enum ReportBlock: Hashable, Sendable {
    /// Text: an optional heading, paragraphs and bullets.
    case text(TextBlock)
    /// A row of key figures.
    case keyFigures([KeyFigure])
    /// A table.
    case table(TableBlock)
    /// Tiles, each with a RAG colour.
    case ragTiles([RAGTile])
    /// A grid of cells coloured by RAG.
    case heatMap(HeatMapBlock)
    /// A list of findings.
    case findings(FindingsBlock)
    /// A statistical process control chart.
    case spcChart(SPCChart)
    /// A bar chart.
    case barChart(BarChart)
    /// A grid of small SPC charts.
    case smallMultiples(SmallMultiples)
}
