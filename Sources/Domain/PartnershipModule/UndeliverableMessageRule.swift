/// A message the outbox gave up on: something the cycle found that did not reach the person it was for.
///
/// A message is given up when its attempts run out or its transport refuses it for good (an address
/// that does not exist, a webhook that answers 404). The finding goes to the business team (the
/// profile's `business-team` route), says whom the message was for and why it failed, and holds
/// until the message is sent: put the address right in the profile, then put the message back with
/// `qaf deliver --retry-undeliverable` (``Notifier/requeueUndeliverable(for:)``). A message that
/// itself announced an undeliverable message is left out, so that a broken business-team address
/// cannot feed itself.
public struct UndeliverableMessageRule: AssuranceRule, Hashable {
    /// Creates the rule.
    public init() {}

    /// `partnership.undeliverable-message`.
    public var id: RuleID { .partnershipUndeliverableMessage }
    /// The rule's title.
    public var title: String { "Message could not be delivered" }
    /// What the rule checks.
    public var summary: String {
        "A message of the outbox (a finding, reminder or decision for someone) given up after its attempts ran "
            + "out or its transport refused it."
    }
    /// The business team reports back to stakeholders.
    public var source: ObligationSource {
        .framework(.businessTeam, "the business team reports back to stakeholders and oversees that deadlines are met")
    }

    /// One finding for each undeliverable message.
    public func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
        let given = try await view.records(
            OutboxMessage.self,
            RecordFilter(status: RecordStatus(OutboxMessage.Status.undeliverable))
        )
        return given.filter { message in
            !message.items.allSatisfy { $0.rule == .partnershipUndeliverableMessage }
        }
        .sorted { $0.idempotencyKey < $1.idempotencyKey }
        .map { message in
            let count = "\(message.items.count) item\(message.items.count == 1 ? "" : "s")"
            let reason = message.attempts.last(where: { $0.error != nil })?.error ?? "no reason recorded"
            return FindingDraft(
                key: "message|\(message.id)",
                subject: message.reference,
                severity: .emergingRisk,
                level: .practiceDevelopmentGroup,
                message:
                    "\(message.channel == .email ? "An email" : "A webhook message") of \(message.day) to \(message.recipientName) (\(count), the "
                    + "first \"\(message.items.first?.subject ?? "")\") could not be delivered after "
                    + "\(message.attempts.count) attempt\(message.attempts.count == 1 ? "" : "s"): \(reason)."
            )
        }
    }
}
