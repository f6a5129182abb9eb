public import Domain
import Foundation

/// A quarterly summary from the MASH or from the child protection conference chairs, under the
/// headings the framework lists.
public struct QuarterlySummary: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "quarterly summary" }
    /// The type of the summary's identifier.
    public typealias ID = Identifier<QuarterlySummary>
    /// `audit.quarterly-summary`.
    public static var recordType: RecordType { "audit.quarterly-summary" }

    /// Who returns the summary.
    public enum Source: String, Hashable, Sendable, Codable, CaseIterable {
        /// The multi-agency safeguarding hub.
        case mash
        /// The child protection conference chairs.
        case conferenceChairs = "conference-chairs"

        /// Who returns it, as a sentence names them: `MASH`, `conference chairs'`.
        public var label: String {
            switch self {
            case .mash: "MASH"
            case .conferenceChairs: "conference chairs'"
            }
        }

        /// The headings the framework asks for.
        public var headings: [String] {
            switch self {
            case .mash:
                [
                    "Practice evaluations", "Supervision", "Meeting observations", "Senior manager walkabouts",
                    "Practice weeks",
                ]
            case .conferenceChairs:
                [
                    "QA questionnaire summary", "Restorative approach", "Risks faced by children",
                    "Quality of direct work",
                    "Work with parents and family", "Matters escalated",
                ]
            }
        }
    }

    /// The summary's id.
    public var id: QuarterlySummary.ID
    /// Who returned it.
    public var source: Source
    /// The quarter.
    public var quarter: ReportingPeriod
    /// The text under each heading, in the order of ``Source/headings``.
    public var sections: [String: String]
    /// The day it was returned.
    public var returnedOn: Day

    /// Creates a summary.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when a heading is missing or unknown, or the
    ///   period is not a quarter.
    public init(
        id: QuarterlySummary.ID,
        source: Source,
        quarter: ReportingPeriod,
        sections: [String: String],
        returnedOn: Day
    )
        throws(DomainError)
    {
        guard quarter.kind == .quarter else {
            throw DomainError(
                .invalidInput,
                "a quarterly summary covers a quarter; \(quarter) is a \(quarter.kind.rawValue)"
            )
        }
        let missing = source.headings.filter { (sections[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw DomainError(
                .invalidInput,
                "the \(source.rawValue) summary for \(quarter) has nothing under \(missing.joined(separator: ", "))"
            )
        }
        if let unknown = sections.keys.sorted().first(where: { !source.headings.contains($0) }) {
            throw DomainError(
                .invalidInput,
                "the \(source.rawValue) summary has an unknown heading \(DomainError.quote(unknown)); expected \(source.headings.joined(separator: ", "))"
            )
        }
        self.id = id
        self.source = source
        self.quarter = quarter
        self.sections = sections
        self.returnedOn = returnedOn
    }

    /// Indexed by quarter and source.
    public var index: RecordIndex { RecordIndex(period: quarter, key: source.rawValue) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }

    /// Whether the text under a heading reports no exception: empty, "none", "n/a", or saying
    /// there are no exceptions.
    public static func reportsNothing(_ text: String) -> Bool {
        let lowered = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return lowered.isEmpty || ["none", "none.", "n/a", "nil"].contains(lowered) || lowered.contains("no exceptions")
    }

}
