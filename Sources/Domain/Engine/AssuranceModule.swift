/// A module of the framework: its record types, its assurance rules, its signals and its report sections.
///
/// Hosts compose the modules they want when they build an ``AssuranceFramework``; nothing is
/// registered globally.
public protocol AssuranceModule: Sendable {
    /// The module's name, such as `Section 11`.
    var name: String { get }
    /// The record types the module stores, with their schema versions and migrations.
    var recordTypes: [any StorableRecord.Type] { get }
    /// The module's assurance rules.
    var rules: [any AssuranceRule] { get }

    /// Signals the module's analysis publishes for a day.
    func signals(in view: AssuranceView, on day: Day) async throws -> [SignalDraft]

    /// The module's sections of a report.
    func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection]
}

extension AssuranceModule {
    /// No signals.
    public func signals(in view: AssuranceView, on day: Day) async throws -> [SignalDraft] { [] }
    /// No report sections.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        []
    }
}
