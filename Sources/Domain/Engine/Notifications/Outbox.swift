/// What the assurance cycle writes to the outbox: each notification, and the messages that carry it
/// to the people the profile's contacts name.
public enum Outbox: Sendable {
    /// Stages the notifications not yet in the outbox, and the messages that announce them, in a batch.
    ///
    /// The cycle calls it so that the outbox is written in the same transaction as the findings and
    /// reminders it announces: a notification is in the outbox if, and only if, what it announces
    /// was written.
    ///
    /// - Parameters:
    ///   - notifications: What the cycle found to tell.
    ///   - contacts: Who receives what.
    ///   - day: The cycle's day.
    ///   - agencyNames: Agencies' names, for the names of their own contacts.
    ///   - batch: The cycle's batch.
    ///   - store: The store, to skip what is already in the outbox.
    /// - Returns: The messages staged.
    /// - Throws: What the store throws reading.
    @discardableResult
    public static func stage(
        _ notifications: [AssuranceNotification],
        contacts: ContactDirectory,
        on day: Day,
        agencyNames: [Agency.ID: String] = [:],
        into batch: inout RecordBatch,
        store: any RecordStore
    ) async throws -> [OutboxMessage] {
        var seen = Set<String>()
        var fresh: [AssuranceNotification] = []
        for notification in notifications where seen.insert(notification.key).inserted {
            let entry = OutboxEntry(notification)
            if try await store.record(entry.reference) == nil {
                try batch.save(entry, version: 0)
                fresh.append(notification)
            }
        }
        let messages = compose(fresh, contacts: contacts, on: day, agencyNames: agencyNames)
        var staged: [OutboxMessage] = []
        for message in messages {
            let staging = try await digestToJoin(message, store: store)
            if let (held, merged) = staging {
                try batch.save(merged, version: held)
                staged.append(merged)
            } else if try await store.record(message.reference) == nil {
                try batch.save(message, version: 0)
                staged.append(message)
            }
        }
        return staged
    }

    /// For a digest, the day's digest to the same recipient not yet tried, with the digest's items
    /// joined to it, so that a recipient gets one digest a day however often the cycle runs before
    /// delivery; or, when the day's digest has been tried already, `nil` with the digest numbered
    /// after it.
    private static func digestToJoin(
        _ message: OutboxMessage,
        store: any RecordStore
    ) async throws -> (Int, OutboxMessage)? {
        guard message.form == .dailyDigest else { return nil }
        let stored = try await store.records(
            matching: RecordQuery(OutboxMessage.recordType, RecordFilter(key: message.recipient))
        )
        let days = try stored.filter { $0.index.dueDay == message.day }
            .map { try RecordCoder.decode(OutboxMessage.self, from: $0) }
            .filter { $0.value.form == .dailyDigest }
        if let open = days.first(where: { $0.value.status == .pending && $0.value.attempts.isEmpty }) {
            var joined = open.value
            joined.items = (joined.items + message.items).sorted(by: soonestFirst)
            return (open.version, joined)
        }
        return nil
    }

    /// The messages that carry notifications to their recipients: one for each notification to a
    /// contact who hears at once, and for each decision asked of the top level; one digest for each
    /// other contact, everything due to them soonest first.
    ///
    /// - Parameters:
    ///   - notifications: The notifications.
    ///   - contacts: Who receives what.
    ///   - day: The day the messages are composed for.
    ///   - agencyNames: Agencies' names, for the names of their own contacts.
    /// - Returns: The messages, at-once ones first in the notifications' order, then digests by recipient.
    public static func compose(
        _ notifications: [AssuranceNotification],
        contacts: ContactDirectory,
        on day: Day,
        agencyNames: [Agency.ID: String] = [:]
    ) -> [OutboxMessage] {
        guard !contacts.isEmpty else { return [] }
        var atOnce: [OutboxMessage] = []
        var digests: [String: (contact: Contact, items: [AssuranceNotification])] = [:]
        for notification in notifications {
            let recipients = contacts.recipients(for: notification) { agency in agencyNames[agency] ?? agency.rawValue }
            for contact in recipients {
                if contact.receives == .atOnce || notification.kind == .decisionAsked {
                    atOnce.append(
                        OutboxMessage(
                            idempotencyKey: "\(contact.id)|\(notification.key)",
                            recipient: contact,
                            form: .atOnce,
                            day: day,
                            items: [notification]
                        )
                    )
                } else {
                    digests[contact.id, default: (contact, [])].items.append(notification)
                }
            }
        }
        let composed = digests.values.sorted { $0.contact.id < $1.contact.id }.map { digest in
            let items = digest.items.sorted(by: soonestFirst)
            let keys = items.map(\.key).sorted().joined(separator: "\n")
            return OutboxMessage(
                idempotencyKey: "\(digest.contact.id)|digest|\(day)|\(StableHash.hex(keys))",
                recipient: digest.contact,
                form: .dailyDigest,
                day: day,
                items: items
            )
        }
        return atOnce + composed
    }

    /// Soonest due first; then what has no due day, the most serious first; then by subject.
    static func soonestFirst(_ left: AssuranceNotification, _ right: AssuranceNotification) -> Bool {
        func rank(_ notification: AssuranceNotification) -> (Int, String, Int, String, String) {
            (
                notification.dueOn == nil ? 1 : 0, notification.dueOn?.description ?? "",
                -(notification.severity.map { Severity.allCases.firstIndex(of: $0) ?? 0 } ?? -1),
                notification.subject, notification.key
            )
        }
        return rank(left) < rank(right)
    }
}
