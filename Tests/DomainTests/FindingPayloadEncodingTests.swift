import AssuranceTesting
import Domain
import Foundation
import Testing

/// Findings, their notifications and the outbox's entries write their own payloads
/// (`RecordPayloadEncodable`); the bytes must be `Encodable`'s, every optional present and absent.
struct FindingPayloadEncodingTests {
    func finding(_ number: Int) -> Finding {
        var made = Finding(
            id: Finding.ID(rawValue: "f-\(number)")!,
            rule: "learning.overdue-actions",
            key: "learning.overdue-actions/t-\(number) — “quoted”",
            subject: RecordReference(type: "learning.action", id: Identifier(rawValue: "t-\(number)")!),
            agency: number % 2 == 0 ? "police" : nil,
            group: number % 3 == 0 ? "qadg" : nil,
            severity: Severity.allCases[number % Severity.allCases.count],
            level: EscalationLevel.allCases[number % EscalationLevel.allCases.count],
            message: "Action overdue\nby 30 days \\ “late”",
            themes: number % 2 == 0 ? ["voice-of-the-child", "neglect"] : [],
            evidence: number % 4 == 1
                ? [EvidenceReference(.note, title: "Seen at panel", addedOn: .fixture("2025-05-01"))] : [],
            raisedOn: .fixture("2025-04-30"),
            dueOn: number % 3 == 1 ? .fixture("2025-06-30") : nil
        )
        if number % 5 == 2 {
            made.levelHistory.append(Finding.LevelChange(level: .executive, on: .fixture("2025-06-01")))
            made.acknowledgement = Finding.Acknowledgement(
                by: "chair",
                on: .fixture("2025-06-02"),
                note: number % 2 == 0 ? "Taken to the Executive" : nil
            )
            made.owner = "lead"
            made.decision = Finding.Decision(by: "chair", on: .fixture("2025-06-10"), text: "Fund the re-audit")
            made.status = .resolved
            made.resolvedOn = .fixture("2025-07-01")
        }
        return made
    }

    func notification(_ number: Int) -> AssuranceNotification {
        AssuranceNotification(
            key: "finding/f-\(number)",
            kind: number % 2 == 0 ? NotificationKind.allCases[number % NotificationKind.allCases.count] : nil,
            subject: "Overdue action — “t-\(number)”",
            body: "Line one\nline two\t\\",
            level: number % 3 == 0 ? nil : .executive,
            levelName: number % 3 == 1 ? "Executive" : nil,
            severity: number % 2 == 1 ? Severity.allCases.last : nil,
            agency: number % 4 == 0 ? "police" : nil,
            group: number % 4 == 1 ? "qadg" : nil,
            about: number % 3 == 2
                ? RecordReference(type: "domain.finding", id: Identifier(rawValue: "f-\(number)")!) : nil,
            rule: number % 2 == 0 ? "learning.overdue-actions" : nil,
            source: number % 5 == 0 ? "Framework section 7" : nil,
            action: number % 5 == 1 ? "Agree a new date" : nil,
            raisedOn: .fixture("2025-04-30"),
            dueOn: number % 2 == 0 ? .fixture("2025-05-31") : nil
        )
    }

    @Test func findingsWriteWhatEncodableWrites() throws {
        for number in 0..<30 {
            try PayloadEncodingCheck.writesWhatEncodableWrites(finding(number))
        }
    }

    @Test func notificationsAndOutboxEntriesWriteWhatEncodableWrites() throws {
        for number in 0..<30 {
            try PayloadEncodingCheck.writesWhatEncodableWrites(notification(number))
            var entry = OutboxEntry(notification(number))
            if number % 3 > 0 {
                entry.deliveries["webhook"] = OutboxEntry.Delivery(
                    deliveredAt: Date(timeIntervalSinceReferenceDate: 799_200_000.125),
                    attempts: 2
                )
                entry.deliveries["email \"chair\""] = OutboxEntry.Delivery(attempts: 1, lastError: "refused\n")
                entry.deliveries["Console"] = OutboxEntry.Delivery(
                    deliveredAt: Date(timeIntervalSinceReferenceDate: 799_200_000),
                    attempts: 1
                )
                entry.status = .delivered
            }
            try PayloadEncodingCheck.writesWhatEncodableWrites(entry)
        }
    }
}
