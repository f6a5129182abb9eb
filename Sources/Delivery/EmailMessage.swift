public import Domain
public import Foundation

/// A message of the outbox as an email (RFC 5322, MIME): UTF-8 headers encoded (RFC 2047), a
/// plain-text part and an accessible HTML part, and a `Message-ID` derived from the message's
/// idempotency key, so that a copy sent twice is known to be one.
///
/// ```swift
/// let email = EmailMessage(message, to: contact, in: contacts, date: sentAt)
/// try email.rendered().write(to: folder.appendingPathComponent(email.fileName))
/// ```
public struct EmailMessage: Sendable {
    /// The message.
    public var message: OutboxMessage
    /// Its recipient, with their address.
    public var contact: Contact
    /// The directory, for the sender and the link to the reports.
    public var contacts: ContactDirectory
    /// The `Date` header's instant.
    public var date: Date

    /// Describes an email.
    public init(_ message: OutboxMessage, to contact: Contact, in contacts: ContactDirectory, date: Date) {
        self.message = message
        self.contact = contact
        self.contacts = contacts
        self.date = date
    }

    /// The `Message-ID`, the same for every copy of the message: `<m-hash@sender's domain>`, the
    /// message's id, a hash of its idempotency key (which names the recipient).
    public var messageID: String {
        let domain = Self.address(in: contacts.sender).split(separator: "@").last.map(String.init) ?? "qaf.invalid"
        return "<\(message.id.rawValue)@\(domain)>"
    }

    /// A file name for the email: its day, recipient and id, ending `.eml`.
    public var fileName: String {
        let recipient = message.recipient.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        return "\(message.day)-\(String(recipient))-\(message.id.rawValue).eml"
    }

    /// The email, headers and body, with the given line ending: CRLF for a file or SMTP (as
    /// RFC 5322 has it), LF for a local sendmail program.
    ///
    /// - Parameter lineEnding: The line ending.
    /// - Returns: The email's bytes: ASCII only, every line at most 78 characters.
    public func rendered(lineEnding: String = "\r\n") -> Data {
        let boundary = "qaf-\(message.id.rawValue)-alternative"
        var headers = [
            "From: \(Self.mailbox(contacts.sender, offset: 6))",
            "To: \(Self.mailbox(named: contact.name, address: contact.addressText, offset: 4))",
            "Subject: \(Self.encodedWords(message.subject, offset: 9))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: \(messageID)",
            "X-QAF-Idempotency-Key: \(Self.headerSafe(message.idempotencyKey))",
            "Auto-Submitted: auto-generated",
            "Content-Language: en-GB",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        headers = headers.map { Self.fold($0, lineEnding: lineEnding) }
        var lines = headers + [""]
        lines.append("This is a message in MIME format: a plain-text part and an HTML part.")
        for (type, text) in [("text/plain", plainText), ("text/html", html)] {
            lines += [
                "--\(boundary)",
                "Content-Type: \(type); charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                Self.quotedPrintable(text, lineEnding: lineEnding),
            ]
        }
        lines.append("--\(boundary)--")
        return Data((lines.joined(separator: lineEnding) + lineEnding).utf8)
    }

    /// The partnership's name, from the sender.
    var partnership: String {
        let sender = contacts.sender
        guard let open = sender.lastIndex(of: "<") else { return "the partnership" }
        let name = sender[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(
            in: .init(charactersIn: "\"")
        )
        return name.isEmpty ? "the partnership" : name
    }

    /// The plain-text part.
    public var plainText: String {
        var lines = [
            "To \(message.recipientName),",
            "",
            "\(Self.introduction(message, partnership: partnership))",
            "",
        ]
        for (number, item) in message.items.enumerated() {
            lines.append("\(number + 1). \(item.subject)")
            lines.append("   \(Self.facts(item).map { "\($0.0): \($0.1)" }.joined(separator: "; "))")
            lines.append("   \(item.body)")
            if let action = item.action { lines.append("   What to do: \(action)") }
            if let source = item.source { lines.append("   Source: \(source)") }
            lines.append("")
        }
        if let reports = contacts.reports { lines += ["The partnership's reports: \(reports)", ""] }
        lines.append(Self.footer(message))
        return lines.joined(separator: "\n")
    }

    /// The HTML part: headings, a numbered list and a description list for each item, no colour
    /// that carries meaning, large enough type, and the same words as the plain-text part.
    public var html: String {
        var body = [
            "<!DOCTYPE html>", "<html lang=\"en-GB\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(Self.escape(message.subject))</title>", "</head>",
            "<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; "
                + "color: #0b0c0c; background: #ffffff; max-width: 40em; margin: 0 auto; padding: 1em;\">",
            "<main>", "<h1 style=\"font-size: 1.5em;\">\(Self.escape(message.subject))</h1>",
            "<p>To \(Self.escape(message.recipientName)),</p>",
            "<p>\(Self.escape(Self.introduction(message, partnership: partnership)))</p>", "<ol>",
        ]
        for item in message.items {
            body.append("<li>")
            body.append("<h2 style=\"font-size: 1.125em;\">\(Self.escape(item.subject))</h2>")
            body.append("<dl>")
            for (term, value) in Self.facts(item) {
                body.append("<dt style=\"font-weight: bold;\">\(Self.escape(term))</dt><dd>\(Self.escape(value))</dd>")
            }
            body.append("</dl>")
            body.append("<p>\(Self.escape(item.body))</p>")
            if let action = item.action {
                body.append("<p><strong>What to do:</strong> \(Self.escape(action))</p>")
            }
            if let source = item.source { body.append("<p>Source: \(Self.escape(source))</p>") }
            body.append("</li>")
        }
        body.append("</ol>")
        if let reports = contacts.reports {
            let link =
                reports.hasPrefix("https://") || reports.hasPrefix("http://")
                ? "<a href=\"\(Self.escape(reports))\">the partnership's reports</a>"
                : "the partnership's reports, at \(Self.escape(reports))"
            body.append("<p>Read \(link).</p>")
        }
        body += ["</main>", "<footer><p>\(Self.escape(Self.footer(message)))</p></footer>", "</body>", "</html>"]
        return body.joined(separator: "\n")
    }

    static func introduction(_ message: OutboxMessage, partnership: String) -> String {
        switch message.form {
        case .atOnce:
            "\(partnership)'s quality assurance cycle of \(Self.written(message.day)) found this for you."
        case .dailyDigest:
            "\(partnership)'s quality assurance cycle of \(Self.written(message.day)) found \(message.items.count) "
                + "item\(message.items.count == 1 ? "" : "s") for you, soonest due first."
        }
    }

    static func facts(_ item: AssuranceNotification) -> [(String, String)] {
        var facts: [(String, String)] = [("Kind", Self.kindName(item.kind))]
        if let level = item.levelName ?? item.level?.description { facts.append(("Level", level)) }
        if let severity = item.severity { facts.append(("Severity", severity.description)) }
        if let due = item.dueOn { facts.append(("Due", Self.written(due))) }
        facts.append(("Found on", Self.written(item.raisedOn)))
        return facts
    }

    static func kindName(_ kind: NotificationKind) -> String {
        switch kind {
        case .findingRaised: "Finding raised"
        case .findingEscalated: "Finding escalated"
        case .findingResolved: "Finding resolved"
        case .decisionAsked: "Decision asked"
        case .reminder: "Reminder"
        case .other: "Notification"
        }
    }

    static func footer(_ message: OutboxMessage) -> String {
        "This message was sent by the partnership's quality assurance framework and holds no child's details. "
            + "Its reference is \(message.id.rawValue): a copy that arrives twice is the same message."
    }

    // MARK: Encoding

    /// The address inside `Name <address>`, or the whole text.
    static func address(in sender: String) -> String {
        guard let open = sender.lastIndex(of: "<"), let close = sender.lastIndex(of: ">"), open < close else {
            return sender.trimmingCharacters(in: .whitespaces)
        }
        return String(sender[sender.index(after: open)..<close])
    }

    /// A day as a reader writes it: `13 September 2025`.
    static func written(_ day: Day) -> String {
        "\(day.dayOfMonth) \(Day.monthName(day.month)) \(day.year)"
    }

    static func mailbox(_ sender: String, offset: Int) -> String {
        guard let open = sender.lastIndex(of: "<") else { return address(in: sender) }
        let name = sender[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(
            in: .init(charactersIn: "\"")
        )
        return mailbox(named: name, address: address(in: sender), offset: offset)
    }

    static func mailbox(named name: String, address: String, offset: Int) -> String {
        guard !name.isEmpty else { return address }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 && $0 != "\"" && $0 != "\\" }) {
            let specials = "()<>[]:;@\\,.\""
            return name.contains(where: { specials.contains($0) }) ? "\"\(name)\" <\(address)>" : "\(name) <\(address)>"
        }
        return "\(encodedWords(name, offset: offset)) <\(address)>"
    }

    /// Text as is when it is printable ASCII; otherwise RFC 2047 encoded words (`=?UTF-8?B?…?=`),
    /// each at most 75 characters and holding whole characters.
    public static func encodedWords(_ text: String, offset: Int = 0) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 && $0.value < 127 }) { return text }
        var words: [String] = []
        var chunk = Data()
        // 75 - "=?UTF-8?B?" - "?=" = 63 base64 characters: 45 bytes fit (60 characters). The first
        // word also fits on the header's first line after its name (`offset` characters), so that
        // the line is never folded straight after the colon.
        let firstLimit = max(3, (78 - offset - 12) / 4 * 3)
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > (words.isEmpty ? min(45, firstLimit) : 45) {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: " ")
    }

    static func headerSafe(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            scalar.isASCII && scalar.value > 32 && scalar.value < 127 && scalar != "%"
                ? String(scalar) : String(scalar).utf8.map { String(format: "%%%02X", $0) }.joined()
        }
        .joined()
    }

    /// A header folded at spaces so that no line passes 78 characters.
    static func fold(_ header: String, lineEnding: String) -> String {
        guard header.count > 78 else { return header }
        var lines: [String] = []
        var line = ""
        for word in header.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.count + 1 + word.count > 78 {
                lines.append(line)
                line = " " + word
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(line)
        return lines.joined(separator: lineEnding)
    }

    /// UTF-8 text as quoted-printable (RFC 2045): lines at most 76 characters, soft breaks `=`.
    public static func quotedPrintable(_ text: String, lineEnding: String = "\r\n") -> String {
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var encoded: [String] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                if (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last) {
                    encoded.append(String(UnicodeScalar(byte)))
                } else {
                    encoded.append(String(format: "=%02X", byte))
                }
            }
            var current = ""
            for token in encoded {
                if current.count + token.count > 75 {
                    output.append(current + "=")
                    current = ""
                }
                current += token
            }
            output.append(current)
        }
        return output.joined(separator: lineEnding)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
