import Foundation

extension PartnershipProfile {
    /// Reads the profile's `contacts`: the sender, the link to the reports, the recipients and the
    /// routes, every problem reported with its path.
    static func contacts(_ reader: ProfileReader, groups: [Group], agencies: [Agency]) -> ContactDirectory {
        _ = reader.fields(allowing: ["from", "reports", "recipients", "routes", "sendmail"])
        let sender = reader.child("from", required: true)?.nonEmptyString() ?? ""
        if !sender.isEmpty, !Self.isSender(sender) {
            reader.problem(
                "\(DomainError.quote(sender)) is not a sender; expected a name and an address, such as "
                    + "\"Brackenshire Safeguarding Children Partnership <qa@brackenshire.example.org>\"",
                at: "from"
            )
        }
        let reports = reader.child("reports")?.nonEmptyString()
        // Each recipient with its place in the file, so that a repeated id is named where it is.
        let read = (reader.child("recipients", required: true)?.elements() ?? []).enumerated().compactMap {
            index,
            element in Self.contact(element).map { (index, $0) }
        }
        var seen = Set<String>()
        for (index, contact) in read where !seen.insert(contact.id).inserted {
            reader.problem(
                "recipient \(DomainError.quote(contact.id)) appears twice; give each recipient its own id",
                at: "recipients[\(index)].id"
            )
        }
        let contacts = read.map(\.1)
        let known = Set(contacts.map(\.id))
        let routes = (reader.child("routes", required: true)?.elements() ?? []).compactMap { route in
            Self.route(route, known: known, groups: Set(groups.map(\.id)), agencies: Set(agencies.map(\.id)))
        }
        let sendmail = reader.child("sendmail")?.nonEmptyString()
        return ContactDirectory(
            sender: sender,
            reports: reports,
            contacts: contacts,
            routes: routes,
            sendmail: sendmail
        )
    }

    private static func isSender(_ text: String) -> Bool {
        guard !text.contains(where: \.isNewline), let open = text.lastIndex(of: "<"), text.hasSuffix(">") else {
            return !text.contains(where: \.isNewline) && isEmailAddress(text)
        }
        return isEmailAddress(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    }

    /// An address with one `@`, something either side, and nothing a header could be broken with.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !text.contains { $0.isWhitespace || "<>,;\"".contains($0) }
    }

    private static func contact(_ reader: ProfileReader) -> Contact? {
        _ = reader.fields(allowing: ["id", "name", "email", "webhook", "receives", "tokenVariable", "token"])
        if reader.has("token") {
            reader.problem(
                "a token is never kept in the profile, which is stored in the database and exported with it; "
                    + "name the environment variable that holds it with \"tokenVariable\"",
                at: "token"
            )
        }
        let id = reader.child("id", required: true)?.nonEmptyString()
        if let id, id.contains("/") || id.contains("|") {
            reader.problem("\(DomainError.quote(id)) may not contain / or |", at: "id")
        }
        let name = reader.child("name", required: true)?.nonEmptyString()
        let address = Self.address(reader)
        var receives = Contact.Timing.dailyDigest
        if let text = reader.child("receives")?.string() {
            if let timing = Contact.Timing(rawValue: text) {
                receives = timing
            } else {
                reader.problem(
                    "\(DomainError.quote(text)) is not a timing; expected "
                        + Contact.Timing.allCases.map { DomainError.quote($0.rawValue) }.joined(separator: " or "),
                    at: "receives"
                )
            }
        }
        let variable = reader.child("tokenVariable")?.nonEmptyString()
        if let variable {
            if case .email? = address {
                reader.problem("only a webhook takes a token", at: "tokenVariable")
            } else if variable.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) == nil {
                reader.problem(
                    "\(DomainError.quote(variable)) is not an environment variable's name; expected letters, "
                        + "digits and _, such as \"QAF_WEBHOOK_TOKEN\"",
                    at: "tokenVariable"
                )
            }
        }
        guard let id, let name, let address else { return nil }
        return Contact(id: id, name: name, address: address, receives: receives, tokenVariable: variable)
    }

    private static func address(_ reader: ProfileReader) -> Contact.Address? {
        switch (reader.child("email"), reader.child("webhook")) {
        case (let email?, nil):
            guard let text = email.nonEmptyString() else { return nil }
            guard isEmailAddress(text) else {
                email.problem("\(DomainError.quote(text)) is not an email address; expected such as \"qa@example.org\"")
                return nil
            }
            return .email(text)
        case (nil, let webhook?):
            guard let text = webhook.nonEmptyString() else { return nil }
            let filled = text.replacingOccurrences(of: Contact.agencyPlaceholder, with: "agency")
            guard let url = URL(string: filled), ["https", "http"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else {
                webhook.problem("\(DomainError.quote(text)) is not an http or https address")
                return nil
            }
            return .webhook(text)
        case (nil, nil):
            reader.problem("gives no address; expected \"email\" or \"webhook\"")
            return nil
        case (.some, .some):
            reader.problem(
                "gives both \"email\" and \"webhook\"; a recipient has one address: give the other its own entry"
            )
            return nil
        }
    }

    private static func route(
        _ reader: ProfileReader,
        known: Set<String>,
        groups: Set<Group.ID>,
        agencies: Set<Agency.ID>
    ) -> ContactRoute? {
        _ = reader.fields(allowing: ["level", "group", "agency", "role", "kinds", "to"])
        let given = ["level", "group", "agency", "role"].filter { reader.has($0) }
        guard given.count == 1 else {
            reader.problem(
                given.isEmpty
                    ? "says nothing of what it takes; expected one of \"level\", \"group\", \"agency\" or \"role\""
                    : "gives \(given.joined(separator: " and ")); a route takes one of them: give each its own route"
            )
            return nil
        }
        let selector = Self.selector(given[0], reader, groups: groups, agencies: agencies)
        var kinds = Set<NotificationKind>()
        for element in reader.child("kinds")?.elements() ?? [] {
            guard let text = element.string() else { continue }
            if let kind = NotificationKind(rawValue: text) {
                kinds.insert(kind)
            } else {
                element.problem(
                    "\(DomainError.quote(text)) is not a kind of notification; expected one of "
                        + NotificationKind.allCases.map(\.rawValue).joined(separator: ", ")
                )
            }
        }
        let to = reader.child("to", required: true)?.elements().compactMap { element -> String? in
            guard let id = element.string() else { return nil }
            if !known.contains(id) { element.problem("\(DomainError.quote(id)) is not a recipient of the profile") }
            return id
        }
        if to?.isEmpty == true { reader.problem("names no recipient", at: "to") }
        guard let selector, let to else { return nil }
        return ContactRoute(selector, kinds: kinds, to: to)
    }

    private static func selector(
        _ key: String,
        _ reader: ProfileReader,
        groups: Set<Group.ID>,
        agencies: Set<Agency.ID>
    ) -> ContactRoute.Selector? {
        guard let part = reader.child(key), let text = part.nonEmptyString() else { return nil }
        switch key {
        case "level":
            guard let level = EscalationLevel(rawValue: text) else {
                part.problem(
                    "\(DomainError.quote(text)) is not a level; expected one of "
                        + EscalationLevel.allCases.map(\.rawValue).joined(separator: ", ")
                )
                return nil
            }
            return .level(level)
        case "group":
            guard let group = try? Group.ID(validating: text), groups.contains(group) else {
                part.problem("\(DomainError.quote(text)) is not a group of the profile")
                return nil
            }
            return .group(group)
        case "agency":
            if text == "*" { return .agency(nil) }
            guard let agency = try? Agency.ID(validating: text), agencies.isEmpty || agencies.contains(agency) else {
                part.problem(
                    "\(DomainError.quote(text)) is not an agency of the profile; expected its id, or \"*\" for every agency"
                )
                return nil
            }
            return .agency(agency)
        default:
            guard let role = ContactRole(rawValue: text) else {
                part.problem(
                    "\(DomainError.quote(text)) is not a role; expected one of "
                        + ContactRole.allCases.map(\.rawValue).joined(separator: ", ")
                )
                return nil
            }
            return .role(role)
        }
    }

    /// The contacts as the profile's file holds them.
    static func json(_ directory: ContactDirectory) -> JSONValue {
        var object: [String: JSONValue] = ["from": .string(directory.sender)]
        if let reports = directory.reports { object["reports"] = .string(reports) }
        if let sendmail = directory.sendmail { object["sendmail"] = .string(sendmail) }
        object["recipients"] = .array(
            directory.contacts.map { contact in
                var entry: [String: JSONValue] = [
                    "id": .string(contact.id), "name": .string(contact.name),
                    "receives": .string(contact.receives.rawValue),
                ]
                entry[contact.channel.rawValue] = .string(contact.addressText)
                if let variable = contact.tokenVariable { entry["tokenVariable"] = .string(variable) }
                return .object(entry)
            }
        )
        object["routes"] = .array(
            directory.routes.map { route in
                var entry: [String: JSONValue] = ["to": .array(route.to.map { .string($0) })]
                switch route.selector {
                case .level(let level): entry["level"] = .string(level.rawValue)
                case .group(let group): entry["group"] = .string(group.rawValue)
                case .agency(let agency): entry["agency"] = .string(agency?.rawValue ?? "*")
                case .role(let role): entry["role"] = .string(role.rawValue)
                }
                if !route.kinds.isEmpty {
                    entry["kinds"] = .array(route.kinds.map(\.rawValue).sorted().map { .string($0) })
                }
                return .object(entry)
            }
        )
        return .object(object)
    }
}
