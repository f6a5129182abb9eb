public import Domain
public import Foundation

/// Writes each email as an `.eml` file in a folder, instead of sending it.
///
/// A mail program opens the files; `qaf demo` writes its digests so. A message written again
/// overwrites its own file, so the folder holds each message once.
public struct EmailFolderTransport: MessageTransport {
    /// The folder.
    public var folder: URL
    /// The instant each email is dated.
    public var clock: DateSource

    /// Email.
    public var channel: ContactChannel { .email }

    /// Creates a transport that writes to a folder, creating it when needed.
    public init(folder: URL, clock: DateSource) {
        self.folder = folder
        self.clock = clock
    }

    /// Writes the email as `day-recipient-id.eml`, with CRLF line endings as RFC 5322 has them.
    ///
    /// - Throws: `DeliveryFailure` when the file cannot be written.
    public func send(_ message: OutboxMessage, to contact: Contact, in contacts: ContactDirectory) async throws {
        let email = EmailMessage(message, to: contact, in: contacts, date: clock.now())
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try email.rendered().write(to: folder.appendingPathComponent(email.fileName), options: .atomic)
        } catch {
            throw DeliveryFailure("\(folder.path) could not be written: \(error.localizedDescription)")
        }
    }
}
