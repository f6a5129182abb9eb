/// A sink that delivers nowhere: the default when a host wants no notifications.
public struct NoOpNotificationSink: NotificationSink {
    /// `no-op`.
    public var name: String { "no-op" }
    /// Creates the sink.
    public init() {}
    /// Does nothing.
    public func deliver(_ notification: AssuranceNotification) async throws {}
}
