/// The category of a record, as the access policy sees it: an open set a host can extend.
public typealias RecordCategory = Code<CodeKinds.RecordCategory>

extension CodeKinds {
    /// What a record category names.
    public enum RecordCategory: CodeKind {}
}

extension Code where Kind == CodeKinds.RecordCategory {
    /// The partnership, its agencies, localities, groups, memberships and meetings.
    public static var partnershipStructure: RecordCategory { "partnership-structure" }
    /// Standard sets, audit templates, the measure catalogue, clocks: the partnership's reference data.
    public static var referenceData: RecordCategory { "reference-data" }
    /// A Section 11 or s175 self-assessment and what belongs to it.
    public static var section11Assessment: RecordCategory { "section11-assessment" }
    /// A Section 11 or s175 cycle, with its invitations and deadlines.
    public static var section11Cycle: RecordCategory { "section11-cycle" }
    /// The audit forward plan and audits as a whole.
    public static var auditProgramme: RecordCategory { "audit-programme" }
    /// An audit's case sample and the agencies' returns on each case.
    public static var auditCaseRecord: RecordCategory { "audit-case-record" }
    /// Measure definitions' data: observations, explanations, turn-the-curve records, signals.
    public static var measureData: RecordCategory { "measure-data" }
    /// Reviews, recommendations, actions, work streams and learning products.
    public static var learning: RecordCategory { "learning" }
    /// Findings raised by the assurance rules.
    public static var finding: RecordCategory { "finding" }
    /// What children, young people, parents and carers told the partnership.
    public static var voice: RecordCategory { "voice" }
    /// A report that has been published to its audience.
    public static var publishedReport: RecordCategory { "published-report" }
    /// The notification outbox.
    public static var notification: RecordCategory { "notification" }
    /// The independent scrutineer's judgements, which the scrutineer writes.
    public static var scrutiny: RecordCategory { "scrutiny" }
}
