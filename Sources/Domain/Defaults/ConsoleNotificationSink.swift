import Foundation

/// A sink that writes one line a notification to standard error (or standard output).
///
/// ```
/// [Executive] decision-required: Rapid review overdue — rapid review rr-2 was due on 2026-01-14
/// ```
public struct ConsoleNotificationSink: NotificationSink {
    /// Which stream to write to.
    public enum Stream: String, Sendable {
        /// Standard output.
        case standardOutput
        /// Standard error.
        case standardError
    }

    /// `console`.
    public var name: String { "console" }
    /// The stream written to.
    public var stream: Stream

    /// Creates a console sink.
    public init(stream: Stream = .standardError) {
        self.stream = stream
    }

    /// Writes the notification as one line.
    public func deliver(_ notification: AssuranceNotification) async throws {
        let level = notification.level.map { "[\($0)] " } ?? ""
        let severity = notification.severity.map { "\($0.rawValue): " } ?? ""
        let line = "\(level)\(severity)\(notification.subject) — \(notification.body)\n"
        let handle: FileHandle = stream == .standardOutput ? .standardOutput : .standardError
        try handle.write(contentsOf: Data(line.utf8))
    }
}
