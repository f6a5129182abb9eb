import Foundation

/// A sink that appends one JSON object a line to a file, flushed to disk after each notification.
///
/// Keys are sorted, so the same notification always writes the same line.
public actor JSONLinesNotificationSink: NotificationSink {
    /// `json-lines:` and the file's path.
    public nonisolated let name: String
    /// The file appended to.
    public nonisolated let path: String

    /// Creates a sink that appends to a file, creating it when it does not exist.
    public init(path: String) {
        self.path = path
        self.name = "json-lines:\(path)"
    }

    /// Appends the notification and flushes the file.
    ///
    /// - Throws: ``DomainError/Code/deliveryFailed`` when the file cannot be written.
    public func deliver(_ notification: AssuranceNotification) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(notification)
        line.append(0x0A)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw DomainError(.deliveryFailed, "cannot create the notification file \(path)")
            }
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
            try handle.synchronize()
        } catch {
            throw DomainError(
                .deliveryFailed,
                "cannot append to the notification file \(path): \(error)",
                underlying: error
            )
        }
    }
}
