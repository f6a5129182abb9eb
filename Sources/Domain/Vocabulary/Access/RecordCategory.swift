/// The category of a record, as the access policy sees it: an open set a host can extend.
public struct RecordCategory: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The category's name.
    public let rawValue: String
    /// Creates a category from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The category's name.
    public var description: String { rawValue }

    /// The partnership, its agencies, localities, groups, memberships and meetings.
    public static let partnershipStructure = RecordCategory(rawValue: "partnership-structure")
    /// Standard sets, audit templates, the measure catalogue, clocks: the partnership's reference data.
    public static let referenceData = RecordCategory(rawValue: "reference-data")
    /// A Section 11 or s175 self-assessment and what belongs to it.
    public static let section11Assessment = RecordCategory(rawValue: "section11-assessment")
    /// A Section 11 or s175 cycle, with its invitations and deadlines.
    public static let section11Cycle = RecordCategory(rawValue: "section11-cycle")
    /// The audit forward plan and audits as a whole.
    public static let auditProgramme = RecordCategory(rawValue: "audit-programme")
    /// An audit's case sample and the agencies' returns on each case.
    public static let auditCaseRecord = RecordCategory(rawValue: "audit-case-record")
    /// Measure definitions' data: observations, explanations, turn-the-curve records, signals.
    public static let measureData = RecordCategory(rawValue: "measure-data")
    /// Reviews, recommendations, actions, work streams and learning products.
    public static let learning = RecordCategory(rawValue: "learning")
    /// Findings raised by the assurance rules.
    public static let finding = RecordCategory(rawValue: "finding")
    /// What children, young people, parents and carers told the partnership.
    public static let voice = RecordCategory(rawValue: "voice")
    /// A report that has been published to its audience.
    public static let publishedReport = RecordCategory(rawValue: "published-report")
    /// The notification outbox.
    public static let notification = RecordCategory(rawValue: "notification")
    /// The independent scrutineer's judgements, which the scrutineer writes.
    public static let scrutiny = RecordCategory(rawValue: "scrutiny")
}
