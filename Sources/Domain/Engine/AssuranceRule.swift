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
    /// The figures the rule uses that its source does not state: shown as local defaults.
    var localDefaults: [LocalDefault] { get }
    /// What a finding of this rule asks of the level that must decide it, once it has reached the
    /// top of the route or says a decision is needed now.
    var decisionOptions: DecisionOptions { get }
    /// Whether the good practice the rule finds shows a change in practice or outcomes (a change
    /// embedded, impact evidenced), which a report ranks above good practice seen once.
    var showsImpact: Bool { get }
    /// The kind of group that must act on the rule's findings at the sub-group level, when the
    /// rule names no group itself: the framework addresses such a finding to the partnership's
    /// active group of this kind.
    var actingGroup: GroupKind? { get }

    /// The findings that hold on a day.
    func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft]
}

extension AssuranceRule {
    /// None: every figure the rule uses is its source's.
    public var localDefaults: [LocalDefault] { [] }

    /// The standard three: direct an action, accept the risk, or ask for more evidence.
    public var decisionOptions: DecisionOptions { .standard }

    /// No: the rule finds good practice seen, or none.
    public var showsImpact: Bool { false }

    /// None: the rule names the group or agency in each finding, or raises none at the sub-group level.
    public var actingGroup: GroupKind? { nil }

    /// The rule's source as a report's source line gives it, citing the partnership's framework
    /// document (with what it says of this rule's obligation): the citation, then any local defaults.
    public func sourceLine(citing document: FrameworkDocument) -> String {
        ([document.cite(source, rule: id)] + localDefaults.map { document.figure($0, rule: id).description })
            .joined(separator: "; ")
    }
}
