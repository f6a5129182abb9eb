/// What a signal is about: a measure's series, or any record a module keeps.
///
/// Measures publish signals about series (a special cause in MASH conversion for a locality);
/// another module publishes signals about its own records (a rise in a locality's missing
/// episodes, kept as the module's record), naming the agency concerned where there is one, so
/// that the access policy and the findings route it.
public enum SignalSubject: Hashable, Sendable {
    /// A measure's series in a scope.
    case series(MeasureID, SeriesScope)
    /// A record of any module, with the agency it concerns, if any.
    case record(RecordReference, agency: Agency.ID?)

    /// The measure, for a series.
    public var measure: MeasureID? {
        if case .series(let measure, _) = self { return measure }
        return nil
    }

    /// The series' scope, for a series.
    public var scope: SeriesScope? {
        if case .series(_, let scope) = self { return scope }
        return nil
    }

    /// The agency concerned: an agency series' agency, or the one a record signal names.
    public var agency: Agency.ID? {
        switch self {
        case .series(_, let scope): scope.agency
        case .record(_, let agency): agency
        }
    }
}
