/// A message to the people at a level of the partnership: a finding raised or escalated, or anything
/// else a host wants delivered through its sinks.
///
/// The ``key`` is stable (for a finding, its id and level), so the same thing is never delivered
/// twice, across restarts too.
public struct AssuranceNotification: Hashable, Sendable, Codable {
    /// The stable key that identifies what is being notified.
    public var key: String
    /// A one-line subject.
    public var subject: String
    /// The body.
    public var body: String
    /// The level that must act.
    public var level: EscalationLevel?
    /// How serious it is.
    public var severity: Severity?
    /// The agency concerned.
    public var agency: Agency.ID?
    /// The group concerned.
    public var group: Group.ID?
    /// The record it is about.
    public var about: RecordReference?
    /// The day it was raised.
    public var raisedOn: Day

    /// Creates a notification.
    public init(
        key: String,
        subject: String,
        body: String,
        level: EscalationLevel? = nil,
        severity: Severity? = nil,
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        about: RecordReference? = nil,
        raisedOn: Day
    ) {
        self.key = key
        self.subject = subject
        self.body = body
        self.level = level
        self.severity = severity
        self.agency = agency
        self.group = group
        self.about = about
        self.raisedOn = raisedOn
    }
}

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

/// A sink that delivers nowhere: the default when a host wants no notifications.
public struct NoOpNotificationSink: NotificationSink {
    /// `no-op`.
    public var name: String { "no-op" }
    /// Creates the sink.
    public init() {}
    /// Does nothing.
    public func deliver(_ notification: AssuranceNotification) async throws {}
}
