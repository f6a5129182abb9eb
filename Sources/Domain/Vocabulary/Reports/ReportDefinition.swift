/// What a kind of report is: its title, what it is about, the periods it covers, its parts in
/// order, how it lists findings, and the modules it draws on.
///
/// The framework's six standard reports are ``standard``. A module defines another kind in
/// ``AssuranceModule/reportDefinitions``:
///
/// ```swift
/// ReportDefinition(
///     kind: "exploitation-quarterly",
///     title: "Child exploitation sub-group quarterly report",
///     periodKinds: [.quarter],
///     layout: [.summary, .body, .findings],
///     findings: .group,
///     expectedModules: ["Child exploitation"]
/// )
/// ```
public struct ReportDefinition: Hashable, Sendable {
    /// What a report is about.
    public enum Subject: String, Hashable, Sendable, Codable {
        /// The whole partnership.
        case partnership
        /// One group: the request names it.
        case group
        /// One agency: the request names it, and its maker must be able to read the agency's records.
        case agency
    }

    /// How a report lists the open findings.
    public enum FindingsView: String, Hashable, Sendable, Codable {
        /// For the Executive: the findings the Executive and the Practice Development Group must act
        /// on in full, the rest counted by rule.
        case executive
        /// For one group: every finding about the group, in full.
        case group
        /// For one agency: every finding about the agency, in full.
        case agency
    }

    /// The kind.
    public var kind: ReportKind
    /// The title, such as `Yearly report`.
    public var title: String
    /// What the report is about.
    public var subject: Subject
    /// The kinds of period it may cover; empty for any.
    public var periodKinds: [ReportingPeriod.Kind]
    /// Its parts, in order.
    ///
    /// Sections in a part the layout does not list are left out.
    public var layout: [ReportPart]
    /// How it lists findings, where the layout has `ReportPart.findings`.
    public var findings: FindingsView
    /// The modules whose sections it draws on, by name: those a host did not compose are named in
    /// the report as not included.
    public var expectedModules: [String]
    /// The report whose detail this one carries: its sections in the `detail` part,
    /// and the rules behind its findings with their thresholds.
    public var detailOf: ReportKind?

    /// Creates a definition.
    public init(
        kind: ReportKind,
        title: String,
        subject: Subject = .partnership,
        periodKinds: [ReportingPeriod.Kind] = [],
        layout: [ReportPart],
        findings: FindingsView = .executive,
        expectedModules: [String] = [],
        detailOf: ReportKind? = nil
    ) {
        self.detailOf = detailOf
        self.kind = kind
        self.title = title
        self.subject = subject
        self.periodKinds = periodKinds
        self.layout = layout
        self.findings = findings
        self.expectedModules = expectedModules
    }

    /// The balanced assurance report of the group that holds the partnership's assurance to the partners.
    ///
    /// In the starter framework, the Practice Development Group's to the Executive: findings first,
    /// then what children and families said, then each module's sections. A partnership's framework
    /// document titles it (`FrameworkDocument.title(of:)`).
    public static let practiceDevelopmentAssurance = ReportDefinition(
        kind: .practiceDevelopmentAssurance,
        title: "Assurance report",
        layout: [.summary, .findings, .voice, .body],
        expectedModules: ["Partnership", "Section 11", "Audit", "Measures", "Learning"]
    )
    /// A sub-group's report to the body it is accountable to.
    public static let subGroupReport = ReportDefinition(
        kind: .subGroupReport,
        title: "Sub-group report",
        subject: .group,
        layout: [.summary, .body, .findings, .voice],
        findings: .group,
        expectedModules: ["Partnership", "Learning"]
    )
    /// The scrutiny pack for a group or project.
    public static let scrutinyPack = ReportDefinition(
        kind: .scrutinyPack,
        title: "Scrutiny pack",
        subject: .group,
        layout: [.summary, .body, .findings, .voice],
        findings: .group,
        expectedModules: ["Partnership"]
    )
    /// The quarterly summary of the multi-agency safeguarding hub.
    public static let mashQuarterly = ReportDefinition(
        kind: .mashQuarterly,
        title: "MASH quarterly summary",
        periodKinds: [.quarter],
        layout: [.summary, .body],
        expectedModules: ["Audit", "Measures"]
    )
    /// The quarterly summary of the child protection conference chairs.
    public static let conferenceChairsQuarterly = ReportDefinition(
        kind: .conferenceChairsQuarterly,
        title: "Child protection conference chairs' quarterly summary",
        periodKinds: [.quarter],
        layout: [.summary, .body],
        expectedModules: ["Audit", "Measures"]
    )
    /// The yearly report, 1 April to 31 March.
    public static let yearly = ReportDefinition(
        kind: .yearly,
        title: "Yearly report",
        layout: [.summary, .voice, .body, .findings],
        expectedModules: ["Partnership", "Section 11", "Audit", "Measures", "Learning"]
    )

    /// One agency's feedback for a year: what it must do by when, the findings about it, how its
    /// Section 11 or s175 return was moderated and challenged, where it stands against the
    /// partnership, and what the partnership's data say about its contribution.
    public static let agencyFeedback = ReportDefinition(
        kind: .agencyFeedback,
        title: "Agency feedback",
        subject: .agency,
        periodKinds: [.year],
        layout: [.summary, .actions, .findings, .body],
        findings: .agency,
        expectedModules: ["Section 11", "Partnership", "Measures", "Audit", "Learning"]
    )
    /// The practitioners' briefing: regular reports on safeguarding practice issues for
    /// practitioners, in plain language, safe for a public audience.
    public static let practitionerBriefing = ReportDefinition(
        kind: .practitionerBriefing,
        title: "Practitioners' briefing",
        layout: [.body, .voice],
        expectedModules: ["Learning", "Audit", "Partnership"]
    )

    /// The framework's standard reports.
    public static let standard: [ReportDefinition] = [
        .practiceDevelopmentAssurance, .subGroupReport, .scrutinyPack, .mashQuarterly, .conferenceChairsQuarterly,
        .yearly, .agencyFeedback, .practitionerBriefing,
    ]
}
