/// A module's declaration that it contributes sections to a kind of report, and the parts of the
/// report they go in.
///
/// ```swift
/// var reportContributions: [ReportContribution] {
///     [ReportContribution(.practiceDevelopmentAssurance, parts: [.voice, .body]), ReportContribution(.yearly)]
/// }
/// ```
///
/// The framework asks a module for the sections of a report only when the module declares the
/// report's kind. Each section names its own part (``ReportSection/part``); the parts declared here
/// say where the module's sections may appear, for the report catalogue and for checking.
public struct ReportContribution: Hashable, Sendable {
    /// The kind of report.
    public var kind: ReportKind
    /// The parts the module's sections go in.
    public var parts: [ReportPart]

    /// Creates a contribution.
    public init(_ kind: ReportKind, parts: [ReportPart] = [.body]) {
        self.kind = kind
        self.parts = parts
    }
}
