import Foundation

/// Someone the partnership tells of findings, reminders and decisions: a role mailbox, or a system
/// that takes a webhook.
///
/// Role mailboxes are recommended over people's own addresses: the package stores no child's data
/// and as little staff data as it can, and a mailbox outlives the person who reads it. A contact's
/// address may name `{agency}`: such a contact stands for every agency's own mailbox (its
/// safeguarding lead's, say), the placeholder filled with the agency's id for each message.
public struct Contact: Hashable, Sendable, Identifiable {
    /// Where a contact is reached.
    public enum Address: Hashable, Sendable {
        /// An email address, sent through a sendmail-compatible program.
        case email(String)
        /// An HTTPS (or, for trying it locally, HTTP) endpoint that takes a POST of JSON.
        case webhook(String)
    }

    /// When a contact hears of what is due to them.
    public enum Timing: String, Hashable, Sendable, Codable, CaseIterable {
        /// A message for each thing, as soon as the cycle finds it.
        case atOnce = "at-once"
        /// One message a day grouping everything due to the contact; a decision asked of the top
        /// level still goes at once.
        case dailyDigest = "daily-digest"
    }

    /// The contact's id in the profile.
    public var id: String
    /// The contact's name, as a message addresses it: a role, such as "Executive business support".
    public var name: String
    /// Where the contact is reached.
    public var address: Address
    /// When the contact hears.
    public var receives: Timing
    /// For a webhook, the environment variable that holds its bearer token.
    ///
    /// The token itself is never in the profile, which is stored in the database and exported with it.
    public var tokenVariable: String?

    /// Creates a contact.
    public init(
        id: String,
        name: String,
        address: Address,
        receives: Timing = .dailyDigest,
        tokenVariable: String? = nil
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.receives = receives
        self.tokenVariable = tokenVariable
    }

    /// The channel the contact's address is on.
    public var channel: ContactChannel {
        switch address {
        case .email: .email
        case .webhook: .webhook
        }
    }

    /// The address as text: an email address or a URL.
    public var addressText: String {
        switch address {
        case .email(let text), .webhook(let text): text
        }
    }

    /// Whether the address names `{agency}`, so that the contact stands for each agency's own mailbox.
    public var isPerAgency: Bool { addressText.contains(Self.agencyPlaceholder) }

    /// `{agency}`.
    public static let agencyPlaceholder = "{agency}"

    /// The contact for one agency: the placeholder filled with the agency's id, the id and name
    /// naming the agency.
    ///
    /// - Parameters:
    ///   - agency: The agency's id.
    ///   - agencyName: The agency's name, for the contact's name.
    /// - Returns: The agency's own contact; the contact itself when it names no `{agency}`.
    public func forAgency(_ agency: Agency.ID, named agencyName: String) -> Contact {
        guard isPerAgency else { return self }
        var contact = self
        contact.id = "\(id)/\(agency)"
        contact.name = "\(name), \(agencyName)"
        let filled = addressText.replacingOccurrences(of: Self.agencyPlaceholder, with: agency.rawValue)
        contact.address = channel == .email ? .email(filled) : .webhook(filled)
        return contact
    }
}

/// The channel a message goes by.
public enum ContactChannel: String, Hashable, Sendable, Codable, CaseIterable {
    /// Email, through a sendmail-compatible program.
    case email
    /// An HTTP POST of JSON.
    case webhook
}

/// A part the partnership's own people play, beyond its levels, groups and agencies, that the
/// profile routes messages to.
public enum ContactRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// The partnership's business team: told of every message that could not be delivered, and of
    /// anything no other route reaches, so that nothing the cycle finds goes untold.
    case businessTeam = "business-team"
    /// The quality assurance lead: told of every finding raised, escalated, resolved or put to the
    /// top level for a decision.
    case qualityAssurance = "quality-assurance"
}

/// A rule of the profile's contacts: what it takes (one level, group, agency or role, and perhaps
/// only some kinds of notification) and whom it goes to.
public struct ContactRoute: Hashable, Sendable {
    /// What a route takes.
    public enum Selector: Hashable, Sendable {
        /// Everything at an escalation level: findings at it, reminders owed at it.
        case level(EscalationLevel)
        /// Everything about a group.
        case group(Group.ID)
        /// Everything about an agency; `nil` for every agency, each to its own contact.
        case agency(Agency.ID?)
        /// What a role is told.
        case role(ContactRole)
    }

    /// What the route takes.
    public var selector: Selector
    /// Only these kinds of notification; every kind when empty.
    public var kinds: Set<NotificationKind>
    /// The ids of the contacts it goes to.
    public var to: [String]

    /// Creates a route.
    public init(_ selector: Selector, kinds: Set<NotificationKind> = [], to: [String]) {
        self.selector = selector
        self.kinds = kinds
        self.to = to
    }

    /// Whether the route takes a notification, leaving the business team's fallback aside.
    func takes(_ notification: AssuranceNotification) -> Bool {
        guard kinds.isEmpty || kinds.contains(notification.kind) else { return false }
        switch selector {
        case .level(let level): return notification.level == level
        case .group(let group): return notification.group == group
        case .agency(let agency): return notification.agency != nil && (agency == nil || notification.agency == agency)
        case .role(.qualityAssurance): return notification.kind.isAboutAFinding
        case .role(.businessTeam): return notification.rule == .partnershipUndeliverableMessage
        }
    }
}

/// Who receives what: the profile's contacts and the routes that reach them, and what every message
/// says of its sender and where the reports are.
///
/// ```json
/// "contacts": {
///   "from": "Brackenshire Safeguarding Children Partnership <qa@brackenshire.example.org>",
///   "reports": "https://brackenshire.example.org/assurance/reports",
///   "recipients": [
///     {"id": "executive", "name": "Executive business support", "email": "executive@brackenshire.example.org", "receives": "at-once"},
///     {"id": "leads", "name": "Safeguarding lead", "email": "safeguarding.lead@{agency}.example.org"}
///   ],
///   "routes": [
///     {"level": "executive", "to": ["executive"]},
///     {"agency": "*", "to": ["leads"]}
///   ]
/// }
/// ```
public struct ContactDirectory: Hashable, Sendable {
    /// The sender every message names: `Name <address>`.
    public var sender: String
    /// A link or path to the partnership's reports, that every message gives.
    public var reports: String?
    /// The contacts, in the profile's order.
    public var contacts: [Contact]
    /// The routes, in the profile's order.
    public var routes: [ContactRoute]
    /// The sendmail-compatible program email goes through on the machine that delivers, with any
    /// arguments of its own; `nil` for `/usr/sbin/sendmail`.
    public var sendmail: String?

    /// Creates a directory.
    public init(
        sender: String,
        reports: String? = nil,
        contacts: [Contact] = [],
        routes: [ContactRoute] = [],
        sendmail: String? = nil
    ) {
        self.sender = sender
        self.reports = reports
        self.sendmail = sendmail
        self.contacts = contacts
        self.routes = routes
    }

    /// No one: the cycle still writes every notification to the outbox, but composes no message.
    public static let empty = ContactDirectory(sender: "")

    /// Whether the directory reaches anyone.
    public var isEmpty: Bool { contacts.isEmpty || routes.isEmpty }

    /// The contact with an id, an agency's own (`leads/police`) among them.
    ///
    /// - Parameters:
    ///   - id: The contact's id.
    ///   - agencyName: The agency's name, for an agency's own contact.
    /// - Returns: The contact, or `nil` when the profile no longer has it.
    public func contact(_ id: String, agencyName: (Agency.ID) -> String = { $0.rawValue }) -> Contact? {
        if let contact = contacts.first(where: { $0.id == id }) { return contact }
        guard let slash = id.lastIndex(of: "/"),
            let template = contacts.first(where: { $0.id == id[..<slash] && $0.isPerAgency }),
            let agency = try? Agency.ID(validating: String(id[id.index(after: slash)...]))
        else { return nil }
        return template.forAgency(agency, named: agencyName(agency))
    }

    /// Everyone a notification goes to, in the order of the routes that reach them, each once.
    ///
    /// A route of every agency (`"agency": "*"`) reaches the notification's own agency's contact; a
    /// contact naming `{agency}` reached by a notification about no agency is skipped. What no route
    /// reaches goes to the business team, if the profile names one.
    ///
    /// - Parameters:
    ///   - notification: The notification.
    ///   - agencyName: An agency's name, for its own contact's name.
    /// - Returns: The recipients.
    public func recipients(
        for notification: AssuranceNotification,
        agencyName: (Agency.ID) -> String = { $0.rawValue }
    ) -> [Contact] {
        var result: [Contact] = []
        var seen = Set<String>()
        func add(_ ids: [String]) {
            for id in ids {
                guard let contact = contacts.first(where: { $0.id == id }) else { continue }
                let resolved: Contact
                if contact.isPerAgency {
                    guard let agency = notification.agency else { continue }
                    resolved = contact.forAgency(agency, named: agencyName(agency))
                } else {
                    resolved = contact
                }
                if seen.insert(resolved.id).inserted { result.append(resolved) }
            }
        }
        for route in routes where route.takes(notification) { add(route.to) }
        if result.isEmpty {
            for route in routes where route.selector == .role(.businessTeam) { add(route.to) }
        }
        return result
    }
}
