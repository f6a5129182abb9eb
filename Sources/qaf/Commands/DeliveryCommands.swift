import Delivery
import Domain
import Foundation

/// The notifier over a database: the profile's contacts, email through a sendmail program (or
/// into a folder as `.eml` files), webhooks through Foundation's URL loading.
///
/// - Parameters:
///   - environment: The seams.
///   - contacts: Who receives what.
///   - sendmail: A program that overrides the profile's.
///   - webhook: A URL that overrides every webhook contact's, for trying a receiver out.
///   - emailFolder: A folder to write email into instead of sending it.
///   - lease: Seconds a claim on a message lasts.
/// - Returns: The notifier.
func composedNotifier(
    _ environment: AssuranceEnvironment,
    contacts: ContactDirectory,
    sendmail: String? = nil,
    webhook: URL? = nil,
    emailFolder: URL? = nil,
    lease: TimeInterval = 600
) -> Notifier {
    let email: any MessageTransport =
        emailFolder.map { EmailFolderTransport(folder: $0, clock: environment.clock) }
        ?? SendmailTransport(
            program: sendmail ?? contacts.sendmail ?? "/usr/sbin/sendmail",
            clock: environment.clock
        )
    return Notifier(
        transports: [email, WebhookTransport(overridingURL: webhook, clock: environment.clock)],
        contacts: contacts,
        records: environment.records,
        lease: lease
    )
}

/// The `--webhook` option as a URL, or a usage error.
func webhookOption(_ text: String?, command: String) throws -> URL? {
    guard let text else { return nil }
    guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
        throw CLIError.usage("--webhook \(DomainError.quote(text)) is not an http or https address", command: command)
    }
    return url
}

/// One line of what delivery did.
func deliverySummary(_ report: DeliveryReport) -> String {
    var parts = [
        "\(report.sent.count) sent", "\(report.retrying.count) to try again",
        "\(report.undeliverable.count) undeliverable",
    ]
    if report.waiting > 0 { parts.append("\(report.waiting) waiting after a failure") }
    if report.heldElsewhere > 0 { parts.append("\(report.heldElsewhere) held by another deliverer") }
    for (channel, count) in report.withoutTransport.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        parts.append("\(count) with no \(channel.rawValue) transport")
    }
    return "delivery: " + parts.joined(separator: ", ")
}

/// `qaf deliver`: sends what the outbox holds.
enum DeliverCommand: Command {
    static let name = "deliver"
    static let summary = "send the outbox's pending messages: email through sendmail, webhooks"
    static let help = """
        usage: qaf deliver --db DB [--sendmail PROGRAM] [--webhook URL] [--now] [--lease SECONDS]
                   [--retry-undeliverable [--recipient ID]]

        Sends every pending message of the outbox that is due, each to its contact in the database's
        profile: email through a sendmail-compatible program (sendmail -t -i: the profile's
        contacts.sendmail, or /usr/sbin/sendmail), webhooks as an HTTP POST of JSON. Each attempt is
        recorded; a failure is tried again by a later run after a growing wait (5 minutes, then 15,
        45, ...), and after six failures the message is undeliverable, which the next cycle reports to
        the business team. A message is claimed before it is sent, so two deliverers at once send it
        once; a copy sent again after a crash carries the same Message-ID or Idempotency-Key.
        --sendmail   the program for email, overriding the profile (such as "msmtp --file=msmtprc").
        --webhook    one URL for every webhook contact, for trying a receiver out.
        --now        send messages waiting after a failure now.
        --lease      seconds a claim holds other deliverers off (default 600).
        --retry-undeliverable  put undeliverable messages (or --recipient's) back for another round.

        example:
          qaf deliver --db partnership.sqlite --sendmail /usr/bin/msmtp
        """

    static func run(_ arguments: inout Arguments) async throws {
        let database = try arguments.required("db")
        let sendmail = try arguments.option("sendmail")
        let webhook = try webhookOption(try arguments.option("webhook"), command: name)
        let now = arguments.flag("now")
        let lease = try arguments.number("lease") ?? 600
        let requeue = arguments.flag("retry-undeliverable")
        let recipient = try arguments.option("recipient")
        _ = try arguments.positional([])
        try arguments.finish()
        guard lease >= 0 else { throw CLIError.usage("--lease must be 0 or more seconds", command: name) }
        if recipient != nil, !requeue {
            throw CLIError.usage(
                "--recipient names whose undeliverable messages --retry-undeliverable puts back",
                command: name
            )
        }
        let store = try openDatabase(database, create: false)
        let environment = environment(store)
        let contacts = try await profile(of: store).contacts
        let notifier = composedNotifier(
            environment,
            contacts: contacts,
            sendmail: sendmail,
            webhook: webhook,
            lease: lease
        )
        if requeue {
            let count = try await notifier.requeueUndeliverable(for: recipient)
            message("\(count) undeliverable message\(count == 1 ? "" : "s") put back in the outbox")
        }
        let report = try await notifier.deliverPending(ignoringWaits: now)
        for failed in report.retrying + report.undeliverable {
            message("\(failed.recipient): \(failed.error ?? "failed")")
        }
        message(deliverySummary(report))
        let unsent = report.undeliverable.count + report.retrying.count
        if unsent > 0 { throw CLIError(.failure, "\(unsent) message\(unsent == 1 ? " was" : "s were") not sent") }
    }
}

/// `qaf outbox`: lists the outbox's messages.
enum OutboxCommand: Command {
    static let name = "outbox"
    static let summary = "list the outbox's messages: pending, sent or failed"
    static let help = """
        usage: qaf outbox --db DB [--status pending|sent|failed|undeliverable] [--format text|json]

        Lists the messages the cycle composed for the profile's contacts, oldest first: their day,
        recipient, channel, form (at-once or daily-digest), items, attempts and outcome.
        --status pending (not yet sent), sent, failed (the last attempt failed: waiting to be tried
        again, or undeliverable), undeliverable (given up).

        example:
          qaf outbox --db qaf-demo/partnership.sqlite --status failed
        """

    struct Row: Encodable {
        var id: String
        var idempotencyKey: String
        var status: String
        var day: String
        var recipient: String
        var recipientName: String
        var channel: String
        var form: String
        var items: Int
        var attempts: Int
        var lastError: String?
        /// ISO 8601, UTC.
        var sentAt: String?
        /// ISO 8601, UTC: when a message waiting after a failure is tried again.
        var notBefore: String?
    }

    static func run(_ arguments: inout Arguments) async throws {
        let database = try arguments.required("db")
        let status = try arguments.option("status")
        let format = try arguments.choice("format", ["text", "json"], default: "text")
        _ = try arguments.positional([])
        try arguments.finish()
        let statuses = ["pending", "sent", "failed", "undeliverable"]
        if let status, !statuses.contains(status) {
            throw CLIError.usage(
                "--status \(DomainError.quote(status)) is not one of \(statuses.joined(separator: ", "))",
                command: name
            )
        }
        let store = try openDatabase(database, create: false)
        let records = Records(store: store)
        let messages = try await records.all(OutboxMessage.self, as: .system).map(\.value).filter { message in
            switch status {
            case "pending": message.status == .pending
            case "sent": message.status == .sent
            case "undeliverable": message.status == .undeliverable
            case "failed": message.status == .undeliverable || message.attempts.last?.error != nil
            default: true
            }
        }
        .sorted { ($0.day, $0.recipient, $0.idempotencyKey) < ($1.day, $1.recipient, $1.idempotencyKey) }
        let rows = messages.map { message in
            Row(
                id: message.id.rawValue,
                idempotencyKey: message.idempotencyKey,
                status: message.status.rawValue,
                day: message.day.description,
                recipient: message.recipient,
                recipientName: message.recipientName,
                channel: message.channel.rawValue,
                form: message.form.rawValue,
                items: message.items.count,
                attempts: message.attempts.count,
                lastError: message.attempts.last?.error,
                sentAt: (message.status == .sent ? message.attempts.last?.finishedAt : nil)?.formatted(.iso8601),
                notBefore: message.notBefore?.formatted(.iso8601)
            )
        }
        if format == "json" {
            output(try json(rows))
        } else {
            for row in rows {
                let wait = row.notBefore.map { " · next try \($0)" } ?? ""
                let outcome = (row.lastError.map { " · \($0)" } ?? "") + wait
                output(
                    "\(row.status) · \(row.day) · \(row.recipientName) (\(row.channel), \(row.form)) · "
                        + "\(row.items) item\(row.items == 1 ? "" : "s") · \(row.attempts) attempt"
                        + "\(row.attempts == 1 ? "" : "s")\(outcome)\n"
                )
            }
        }
        message("\(rows.count) message\(rows.count == 1 ? "" : "s")")
    }
}
