public import Domain

/// A message transport for tests: it records every message it is given, and can be told to fail,
/// for a while or for good.
///
/// ```swift
/// let email = RecordingMessageTransport(channel: .email, failures: 2)  // fails twice, then sends
/// let notifier = Notifier(transports: [email], contacts: contacts, records: records)
/// ```
public actor RecordingMessageTransport: MessageTransport {
    /// One message as the transport was given it.
    public struct Sent: Hashable, Sendable {
        /// The message's idempotency key.
        public var idempotencyKey: String
        /// The contact it went to.
        public var recipient: String
        /// The keys of the notifications it carried, in its order.
        public var itemKeys: [String]
    }

    /// The channel it sends on.
    public nonisolated let channel: ContactChannel
    private var failuresLeft: Int
    private var failure: DeliveryFailure?

    /// Every message sent, in order.
    public private(set) var sent: [Sent] = []
    /// Every attempt, sent or failed, by idempotency key.
    public private(set) var attempts: [String] = []

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - channel: The channel it sends on.
    ///   - failures: How many attempts fail (not permanently) before it starts to send.
    public init(channel: ContactChannel = .email, failures: Int = 0) {
        self.channel = channel
        self.failuresLeft = failures
    }

    /// Records the message, or throws while failures remain or a failure is set.
    ///
    /// - Throws: `DeliveryFailure`.
    public func send(_ message: OutboxMessage, to contact: Contact, in contacts: ContactDirectory) async throws {
        attempts.append(message.idempotencyKey)
        if let failure { throw failure }
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw DeliveryFailure("the \(channel.rawValue) server is unavailable")
        }
        sent.append(
            Sent(idempotencyKey: message.idempotencyKey, recipient: contact.id, itemKeys: message.items.map(\.key))
        )
    }

    /// Makes every attempt fail with the given failure, or, with `nil`, send again.
    public func setFailure(_ failure: DeliveryFailure?) {
        self.failure = failure
        failuresLeft = 0
    }

    /// The idempotency keys sent, in order.
    public var sentKeys: [String] { sent.map(\.idempotencyKey) }
}
