/// The notification seam: somewhere notifications are delivered, such as e-mail, Teams or a ticket system.
///
/// The package ships ``ConsoleNotificationSink``, ``JSONLinesNotificationSink`` and
/// ``NoOpNotificationSink``; `AssuranceTesting` adds a recording sink for tests. A sink throws when
/// it cannot deliver; the ``Notifier`` retries it, isolates it from the other sinks, and keeps the
/// notification in the outbox until it is delivered.
public protocol NotificationSink: Sendable {
    /// A stable name: the outbox records delivery per sink name.
    var name: String { get }

    /// Delivers a notification, or throws.
    func deliver(_ notification: AssuranceNotification) async throws
}
