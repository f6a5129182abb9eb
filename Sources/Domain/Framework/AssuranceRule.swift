/// An assurance rule: a check of the partnership's records for a day that returns findings.
///
/// A rule is pure: the same records and day give the same findings. It reads through a read-only
/// ``AssuranceView`` and never writes; the ``AssuranceFramework`` raises, keeps, resolves and
/// escalates the findings it returns.
///
/// ```swift
/// struct OverdueThing: AssuranceRule {
///     var id: RuleID { "host.overdue-thing" }
///     var title: String { "Thing overdue" }
///     var summary: String { "A thing past its due day." }
///     var source: ObligationSource { .framework("Our framework, section 2") }
///     func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] { [] }
/// }
/// ```
public protocol AssuranceRule: Sendable {
    /// A stable id, unique across every module, such as `learning.rapid-review-overdue`.
    var id: RuleID { get }
    /// A short title.
    var title: String { get }
    /// What the rule checks, with its parameters, for the rule catalogue.
    var summary: String { get }
    /// The obligation the rule checks.
    var source: ObligationSource { get }

    /// The findings that hold on a day.
    func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft]
}

/// What a rule reports: the framework turns it into a ``Finding``, or keeps the finding it already holds.
public struct FindingDraft: Hashable, Sendable {
    /// A key unique within the rule that stays the same while the condition holds, such as the
    /// review's id; the framework combines it with the rule's id.
    public var key: String
    /// The record the finding is about.
    public var subject: RecordReference
    /// The agency concerned.
    public var agency: Agency.ID?
    /// The group concerned.
    public var group: Group.ID?
    /// How serious it is.
    public var severity: Severity
    /// The level that must act first.
    public var level: EscalationLevel
    /// What the finding says.
    ///
    /// Keep it the same while the condition is unchanged, so that a repeated cycle changes nothing.
    public var message: String
    /// Themes it bears on.
    public var themes: [Theme]
    /// The evidence behind it.
    public var evidence: [EvidenceReference]
    /// The day by which it should be dealt with.
    public var dueOn: Day?

    /// Creates a draft.
    public init(
        key: String,
        subject: RecordReference,
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        severity: Severity,
        level: EscalationLevel,
        message: String,
        themes: [Theme] = [],
        evidence: [EvidenceReference] = [],
        dueOn: Day? = nil
    ) {
        self.key = key
        self.subject = subject
        self.agency = agency
        self.group = group
        self.severity = severity
        self.level = level
        self.message = message
        self.themes = themes
        self.evidence = evidence
        self.dueOn = dueOn
    }
}

/// What a module's analysis publishes as a signal; the framework keeps one ``Signal`` per key.
public struct SignalDraft: Hashable, Sendable {
    /// A key that stays the same while the signal stands, such as the kind, measure and scope.
    public var key: String
    /// The kind of signal.
    public var kind: SignalKind
    /// The measure.
    public var measure: MeasureID
    /// The scope of the series.
    public var scope: SeriesScope
    /// The first period in which it stood.
    public var firstPeriod: ReportingPeriod
    /// The latest period in which it stands.
    public var latestPeriod: ReportingPeriod
    /// The number of periods it has stood.
    public var periodsStanding: Int
    /// What the analysis found.
    public var summary: String

    /// Creates a draft.
    public init(
        key: String,
        kind: SignalKind,
        measure: MeasureID,
        scope: SeriesScope,
        firstPeriod: ReportingPeriod,
        latestPeriod: ReportingPeriod,
        periodsStanding: Int,
        summary: String
    ) {
        self.key = key
        self.kind = kind
        self.measure = measure
        self.scope = scope
        self.firstPeriod = firstPeriod
        self.latestPeriod = latestPeriod
        self.periodsStanding = periodsStanding
        self.summary = summary
    }
}

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

/// A rule as the catalogue lists it.
public struct RuleDescription: Hashable, Sendable, Codable {
    /// The module that contributes the rule.
    public var module: String
    /// The rule's id.
    public var id: RuleID
    /// Its title.
    public var title: String
    /// What it checks.
    public var summary: String
    /// The obligation it checks.
    public var source: ObligationSource

    /// Creates a description.
    public init(module: String, id: RuleID, title: String, summary: String, source: ObligationSource) {
        self.module = module
        self.id = id
        self.title = title
        self.summary = summary
        self.source = source
    }
}
