/// A module of the framework: its record types, its assurance rules, its signals, the report kinds
/// it defines and its sections of reports.
///
/// Hosts compose the modules they want when they build an ``AssuranceFramework``; nothing is
/// registered globally. A module written in another package, on public API only, is composed the
/// same way as the package's own: see <doc:WritingAModule>.
public protocol AssuranceModule: Sendable {
    /// The module's stable id, such as `section11`: stored signals and profiles name the module by it.
    var id: ModuleID { get }
    /// The module's name for people, such as `Section 11`; it may change without losing anything.
    var name: String { get }
    /// The record types the module stores, with their schema versions and migrations.
    var recordTypes: [any StorableRecord.Type] { get }
    /// The module's assurance rules.
    var rules: [any AssuranceRule] { get }
    /// The kinds of report the module defines, beyond the framework's standard ones.
    var reportDefinitions: [ReportDefinition] { get }
    /// The kinds of report the module contributes sections to, and the parts they go in.
    var reportContributions: [ReportContribution] { get }
    /// The measures the module's catalogue defines, with their names, units and roles: how another
    /// module names a measure by its title or finds "the training take-up measure" without knowing
    /// its id.
    var measureDescriptions: [MeasureDescription] { get }
    /// The kinds of deadline the module reminds people of beyond the package's own
    /// (`DeadlineKind.known`): the reminder policy of a profile may name them.
    var deadlineKinds: [DeadlineKind] { get }

    /// Signals the module's analysis publishes for a day.
    func signals(in view: AssuranceView, on day: Day) async throws -> [SignalDraft]

    /// What is owed and not yet done, due on the day or later: the deadlines the cycle reminds people
    /// of before they fall due.
    func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline]

    /// The module's sections of a report of a kind it contributes to.
    func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection]
}

extension AssuranceModule {
    /// No report kinds of its own.
    public var reportDefinitions: [ReportDefinition] { [] }
    /// No contributions to reports.
    public var reportContributions: [ReportContribution] { [] }
    /// No measures.
    public var measureDescriptions: [MeasureDescription] { [] }
    /// None beyond the package's own.
    public var deadlineKinds: [DeadlineKind] { [] }
    /// No signals.
    public func signals(in view: AssuranceView, on day: Day) async throws -> [SignalDraft] { [] }
    /// No deadlines.
    public func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline] { [] }
    /// No report sections.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        []
    }

    /// Whether the module contributes to a kind of report.
    public func contributes(to kind: ReportKind) -> Bool {
        reportContributions.contains { $0.kind == kind }
    }
}

extension AssuranceModule {
    /// Whether the module published a signal: by its id, or by the id its name stood for before
    /// modules had ids (a signal a host's module published before it was given an id of its own).
    func published(_ signal: Signal) -> Bool {
        signal.publishedBy == id || signal.publishedBy == .formerlyNamed(name)
    }
}
