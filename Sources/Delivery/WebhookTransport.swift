public import Domain
public import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends a message as an HTTP POST of JSON (``WebhookPayload``) through Foundation's URL loading.
///
/// The request carries the message's idempotency key in an `Idempotency-Key` header, so that a
/// receiver can drop a copy sent again after a crash, and, when the contact names a
/// `tokenVariable`, `Authorization: Bearer` with the token read from that environment variable:
/// never from the profile. The status code is judged: 2xx is sent; 408, 425, 429 and 5xx are
/// tried again later, as is a network error or a time-out; any other answer (a 404, a 401) is a
/// refusal for good.
public struct WebhookTransport: MessageTransport {
    /// Seconds before a request is given up.
    public var timeout: TimeInterval
    /// Where tokens are read from: the process's environment, unless a test gives its own.
    public var environment: [String: String]
    /// Every contact's address replaced by this one, for trying a receiver out; `nil` to use each
    /// contact's own.
    public var overridingURL: URL?
    /// The instant each payload is dated.
    public var clock: DateSource

    /// Webhooks.
    public var channel: ContactChannel { .webhook }

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - timeout: Seconds before a request is given up.
    ///   - environment: Where tokens are read from.
    ///   - overridingURL: One URL for every contact, for trying a receiver out.
    ///   - clock: Dates each payload.
    public init(
        timeout: TimeInterval = 30,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        overridingURL: URL? = nil,
        clock: DateSource
    ) {
        self.timeout = timeout
        self.environment = environment
        self.overridingURL = overridingURL
        self.clock = clock
    }

    /// Posts the payload and judges the answer.
    ///
    /// - Throws: `DeliveryFailure`, permanent for an answer that trying again cannot change.
    public func send(_ message: OutboxMessage, to contact: Contact, in contacts: ContactDirectory) async throws {
        guard let url = overridingURL ?? URL(string: contact.addressText) else {
            throw DeliveryFailure("\(contact.addressText) is not a URL", permanent: true)
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(message.idempotencyKey, forHTTPHeaderField: "Idempotency-Key")
        request.setValue(message.id.rawValue, forHTTPHeaderField: "X-QAF-Message-ID")
        if let variable = contact.tokenVariable {
            guard let token = environment[variable], !token.isEmpty else {
                throw DeliveryFailure(
                    "the environment variable \(variable), which holds \(contact.name)'s token, is not set"
                )
            }
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        request.httpBody = try WebhookPayload(message, in: contacts, sentAt: clock.now()).encoded()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let response: URLResponse
        do {
            (_, response) = try await session.data(for: request)
        } catch let error as URLError where error.code == .timedOut {
            throw DeliveryFailure(
                "\(url.absoluteString) did not answer within its time-out of \(timeout.formatted()) s"
            )
        } catch {
            throw DeliveryFailure("\(url.absoluteString) could not be reached: \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard !(200..<300).contains(status) else { return }
        let temporary = [0, 408, 425, 429].contains(status) || status >= 500
        throw DeliveryFailure(
            "\(url.absoluteString) answered \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))",
            permanent: !temporary
        )
    }
}

/// The JSON a webhook receives: format `qaf-message`, version 1.
///
/// ```json
/// {"format": "qaf-message", "version": 1, "idempotencyKey": "…", "messageID": "m-…",
///  "recipient": {"id": "executive", "name": "Executive business support"},
///  "form": "daily-digest", "day": "2026-03-31", "sentAt": "2026-03-31T07:00:00Z",
///  "reports": "https://…", "items": [{"key": "…", "kind": "reminder", "subject": "…", …}]}
/// ```
public struct WebhookPayload: Encodable, Sendable {
    /// A recipient as the payload names them.
    public struct Recipient: Encodable, Sendable {
        /// The contact's id.
        public var id: String
        /// The contact's name.
        public var name: String
    }

    /// `qaf-message`.
    public var format = "qaf-message"
    /// 1.
    public var version = 1
    /// The message's idempotency key, as in the `Idempotency-Key` header.
    public var idempotencyKey: String
    /// The message's id.
    public var messageID: String
    /// Whom it is for.
    public var recipient: Recipient
    /// `at-once` or `daily-digest`.
    public var form: OutboxMessage.Form
    /// The day of the cycle that composed it.
    public var day: Day
    /// When this copy was sent.
    public var sentAt: Date
    /// The link or path to the partnership's reports.
    public var reports: String?
    /// What it announces, soonest due first.
    public var items: [AssuranceNotification]

    /// The payload of a message.
    public init(_ message: OutboxMessage, in contacts: ContactDirectory, sentAt: Date) {
        self.idempotencyKey = message.idempotencyKey
        self.messageID = message.id.rawValue
        self.recipient = Recipient(id: message.recipient, name: message.recipientName)
        self.form = message.form
        self.day = message.day
        self.sentAt = sentAt
        self.reports = contacts.reports
        self.items = message.items
    }

    /// The payload as JSON, keys sorted, dates in ISO 8601.
    ///
    /// - Returns: The JSON.
    /// - Throws: What encoding throws.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
