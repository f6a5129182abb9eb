import Domain
import Foundation
import Testing

/// The profile's `contacts`: who receives what, read strictly and written back.
struct ContactsProfileTests {
    func read(contacts: Any) throws -> PartnershipProfile {
        var document = try JSONSerialization.jsonObject(with: ProfileTests.starter.encoded()) as? [String: Any] ?? [:]
        document["contacts"] = contacts
        let data = try JSONSerialization.data(withJSONObject: document)
        return try PartnershipProfile.read(json: data, source: "ours.json", modules: ProfileTests.types).0
    }

    @Test func contactsAreReadAndWrittenBack() throws {
        let profile = try read(contacts: [
            "from": "Riverside Partnership <qa@riverside.example.org>",
            "reports": "https://riverside.example.org/assurance",
            "sendmail": "/usr/bin/msmtp --file=/etc/qaf/msmtprc",
            "recipients": [
                ["id": "board", "name": "Assurance Board support", "email": "board@riverside.example.org"],
                ["id": "leads", "name": "Safeguarding lead", "email": "lead@{agency}.riverside.example.org"],
                [
                    "id": "tickets", "name": "QA tickets", "webhook": "https://tickets.riverside.example.org/qaf",
                    "tokenVariable": "QAF_TICKETS_TOKEN", "receives": "at-once",
                ],
            ],
            "routes": [
                ["level": "practice-development-group", "to": ["board"]],
                ["agency": "*", "to": ["leads"]],
                ["role": "quality-assurance", "kinds": ["finding-escalated", "decision-asked"], "to": ["tickets"]],
            ],
        ])
        let contacts = profile.contacts
        #expect(contacts.sender == "Riverside Partnership <qa@riverside.example.org>")
        #expect(contacts.sendmail == "/usr/bin/msmtp --file=/etc/qaf/msmtprc")
        #expect(contacts.contacts.map(\.id) == ["board", "leads", "tickets"])
        #expect(contacts.contacts[2].receives == .atOnce && contacts.contacts[0].receives == .dailyDigest)
        #expect(contacts.contacts[2].tokenVariable == "QAF_TICKETS_TOKEN")
        #expect(contacts.routes[1].selector == .agency(nil))
        #expect(contacts.routes[2].kinds == [.findingEscalated, .decisionAsked])
        let again = try PartnershipProfile.read(json: profile.encoded(), source: "again", modules: ProfileTests.types).0
        #expect(again.contacts == contacts)
    }

    @Test func everyProblemIsNamedAtItsPathWithWhatWasExpected() throws {
        #expect {
            try read(contacts: [
                "from": "nobody",
                "recipients": [
                    ["id": "a/b", "name": "Slash", "email": "not an address"],
                    ["id": "hook", "name": "Hook", "webhook": "ftp://example.org", "token": "secret"],
                    ["id": "both", "name": "Both", "email": "x@example.org", "webhook": "https://example.org"],
                    ["id": "late", "name": "Late", "email": "late@example.org", "receives": "weekly"],
                    ["id": "late", "name": "Again", "email": "again@example.org", "tokenVariable": "X"],
                ],
                "routes": [
                    ["level": "board", "to": ["late"]],
                    ["group": "nowhere", "to": ["ghost"]],
                    ["level": "executive", "role": "business-team", "to": ["late"]],
                    ["role": "quality-assurance", "kinds": ["rumour"], "to": []],
                ],
            ])
        } throws: { error in
            let message = (error as? DomainError)?.message ?? ""
            let expected = [
                "contacts.from: \"nobody\" is not a sender; expected a name and an address",
                "contacts.recipients[0].id: \"a/b\" may not contain / or |",
                "contacts.recipients[0].email: \"not an address\" is not an email address",
                "contacts.recipients[1].token: a token is never kept in the profile",
                "contacts.recipients[1].webhook: \"ftp://example.org\" is not an http or https address",
                "contacts.recipients[2]: gives both \"email\" and \"webhook\"",
                "contacts.recipients[3].receives: \"weekly\" is not a timing; expected \"at-once\" or \"daily-digest\"",
                "contacts.recipients[4].tokenVariable: only a webhook takes a token",
                "contacts.routes[0].level: \"board\" is not a level",
                "contacts.routes[1].group: \"nowhere\" is not a group of the profile",
                "contacts.routes[1].to[0]: \"ghost\" is not a recipient of the profile",
                "contacts.routes[2]: gives level and role; a route takes one of them",
                "contacts.routes[3].kinds[0]: \"rumour\" is not a kind of notification",
                "contacts.routes[3].to: names no recipient",
            ]
            let missing = expected.filter { !message.contains($0) }
            if !missing.isEmpty { Issue.record("missing from \(message):\n\(missing.joined(separator: "\n"))") }
            return missing.isEmpty
                && message.contains(
                    "contacts.recipients[4].id: recipient \"late\" appears twice; give each recipient its own id"
                )
                && message.hasPrefix("ours.json has 15 problems:")
        }
    }
}
