/// The delivery seam for messages to people: what carries an ``OutboxMessage`` to one ``Contact``
/// over one channel.
///
/// The `Delivery` library ships a sendmail transport for email and a webhook transport; a host adds
/// its own (a ticket system, a Teams connector) by conforming to this protocol. A transport throws
/// when it cannot send; a ``DeliveryFailure`` that is permanent (an address refused for good, a
/// webhook answering 404) gives the message up at once, anything else is tried again later.
public protocol MessageTransport: Sendable {
    /// The channel it sends on.
    var channel: ContactChannel { get }

    /// Sends a message to a contact, or throws.
    ///
    /// - Parameters:
    ///   - message: The message, with its idempotency key: a transport passes it on (an email's
    ///     `Message-ID`, a webhook's `Idempotency-Key`) so that a message sent twice is known to be one.
    ///   - contact: The recipient, with their address.
    ///   - contacts: The directory, for the sender and the link to the reports.
    /// - Throws: ``DeliveryFailure`` when it cannot send, permanent when trying again cannot help.
    func send(_ message: OutboxMessage, to contact: Contact, in contacts: ContactDirectory) async throws
}

/// Why a transport could not send a message, and whether trying again could help.
public struct DeliveryFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in words.
    public var reason: String
    /// Whether trying again cannot help, so the message is given up at once.
    public var isPermanent: Bool

    /// Creates a failure.
    public init(_ reason: String, permanent: Bool = false) {
        self.reason = reason
        self.isPermanent = permanent
    }

    /// The reason.
    public var description: String { reason }
}
