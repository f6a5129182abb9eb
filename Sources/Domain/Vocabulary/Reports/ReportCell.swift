/// A value in a table, a key figure or a tile.
///
/// Counts and percentages keep their numbers so that a public report can suppress small counts;
/// case references are dropped from reports that are not internal.
public enum ReportCell: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A count of people or events: suppressed from 1 to 5 in public reports.
    case count(Int)
    /// A number with a fixed number of decimals.
    case number(Double, decimals: Int)
    /// A percentage, with the counts it was made from when known (suppressed when either is).
    case percentage(Double?, numerator: Int?, denominator: Int?, decimals: Int)
    /// A RAG judgement, with a label.
    case rag(RAG, label: String)
    /// A day.
    case day(Day)
    /// A period.
    case period(ReportingPeriod)
    /// A published statistics symbol in place of a value.
    case symbol(StatisticsSymbol)
    /// A pseudonymous case reference: internal reports only.
    case caseReference(CaseReference)
    /// Nothing.
    case empty
}
