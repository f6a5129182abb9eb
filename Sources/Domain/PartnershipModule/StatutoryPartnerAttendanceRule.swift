import Foundation

/// A statutory partner's attendance at a group's meetings below a threshold.
///
/// Looks at each active group's last `meetings` meetings up to the day; a statutory partner invited
/// to at least `minimumMeetings` of them that attended fewer than `threshold` of those is an
/// emerging risk for the Practice Development Group. Defaults: 75% over the last 6 meetings, judged
/// on at least 3.
public struct StatutoryPartnerAttendanceRule: AssuranceRule, Hashable {
    /// `partnership.statutory-partner-attendance`.
    public var id: RuleID { .partnershipStatutoryPartnerAttendance }
    /// The rule's title.
    public var title: String { "Statutory partner attendance below threshold" }
    /// The share of meetings a statutory partner is expected to attend, from 0 to 1.
    public var threshold: Double
    /// How many of a group's latest meetings are looked at.
    public var meetings: Int
    /// The fewest meetings a partner must have been invited to before attendance is judged.
    public var minimumMeetings: Int

    /// Creates the rule.
    public init(threshold: Double = 0.75, meetings: Int = 6, minimumMeetings: Int = 3) {
        self.threshold = threshold
        self.meetings = max(1, meetings)
        self.minimumMeetings = max(1, minimumMeetings)
    }

    /// What the rule checks.
    public var summary: String {
        "A statutory partner attended fewer than \(Int((threshold * 100).rounded()))% of the last \(meetings) meetings "
            + "of a group it was invited to (judged on at least \(minimumMeetings))."
    }

    /// The framework's Continuous Learning section.
    public var source: ObligationSource {
        .framework(
            .continuousLearning,
            "statutory partners attend the meetings of the groups they sit on"
        )
    }
    /// The figures its source does not state.
    public var localDefaults: [LocalDefault] {
        [
            LocalDefault(
                "attendance expected of a statutory partner",
                "\(Int((threshold * 100).rounded()))%",
                setting: "attendanceThreshold"
            ),
            LocalDefault("meetings judged", "the last \(meetings)", setting: "attendanceMeetings"),
            LocalDefault("fewest meetings judged", "\(minimumMeetings)", setting: "attendanceMinimumMeetings"),
        ]
    }

    /// Findings for each statutory partner below the threshold at each active group.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let partners = try await view.all(Agency.self).filter(\.isStatutoryPartner)
        guard !partners.isEmpty else { return [] }
        let meetingsByGroup = Dictionary(
            grouping: try await view.all(Meeting.self).filter { $0.day <= day },
            by: \.group
        )
        var drafts: [FindingDraft] = []
        for group in try await view.all(Group.self) where group.isActive(on: day) {
            let latest = (meetingsByGroup[group.id] ?? []).sorted { ($0.day, $0.id) > ($1.day, $1.id) }.prefix(meetings)
            for partner in partners {
                let invited = latest.filter { $0.invited.contains(partner.id) }
                guard invited.count >= minimumMeetings else { continue }
                let attended = invited.filter { $0.attended.contains(partner.id) }
                let rate = Double(attended.count) / Double(invited.count)
                guard rate < threshold else { continue }
                let missed = invited.filter { !$0.attended.contains(partner.id) }.sorted { $0.day < $1.day }
                drafts.append(
                    FindingDraft(
                        key: "\(group.id)|\(partner.id)",
                        subject: partner.reference,
                        agency: partner.id,
                        group: group.id,
                        severity: .emergingRisk,
                        level: .practiceDevelopmentGroup,
                        message:
                            "\(partner.name) attended \(attended.count) of the last \(invited.count) \(group.name) "
                            + "meetings it was invited to (\(Int((rate * 100).rounded()))%), below the "
                            + "\(Int((threshold * 100).rounded()))% expected of a statutory partner.",
                        themes: [.multiAgencyWorking],
                        evidence: missed.map {
                            EvidenceReference(.record, title: "Missed the meeting of \($0.day)", record: $0.reference)
                        }
                    )
                )
            }
        }
        return drafts
    }
}
