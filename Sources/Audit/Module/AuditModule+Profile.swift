public import Domain
import Foundation

extension AuditModule: ProfileConfigurable {
    /// The starter audit tool and the module's settings at their defaults.
    public static var starterProfile: JSONValue {
        let module = AuditModule()
        let templates =
            (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(module.templates))) ?? .null
        return .object([
            "templates": templates,
            "settings": .object([
                "moderationWorkingDays": .number(Double(module.moderationWorkingDays)),
                "reportWeeks": .number(Double(module.reportWeeks)),
                "challengeMonths": .number(Double(module.challengeMonths)),
                "spotAuditPeriods": .number(Double(module.spotAuditPeriods)),
            ]),
        ])
    }

    /// The module configured from its part of a profile: its audit tools (each grade on its scale)
    /// and its settings.
    public init(profile part: ProfileReader?) {
        self.init()
        guard let part, part.fields(allowing: ["templates", "settings"]) != nil else { return }
        if let templates = part.child("templates") {
            self.templates = templates.elements().compactMap { element in
                guard let template = element.decode(AuditTemplate.self) else { return nil }
                let codes = template.sections.map(\.code)
                for (index, code) in codes.enumerated() where codes.firstIndex(of: code) != index {
                    element.problem("section \(DomainError.quote(code)) appears twice", at: "sections[\(index)]")
                }
                return template
            }
        }
        guard let settings = part.child("settings") else { return }
        _ = settings.fields(allowing: ["moderationWorkingDays", "reportWeeks", "challengeMonths", "spotAuditPeriods"])
        moderationWorkingDays = settings.child("moderationWorkingDays")?.integer(in: 1...120) ?? moderationWorkingDays
        reportWeeks = settings.child("reportWeeks")?.integer(in: 1...52) ?? reportWeeks
        challengeMonths = settings.child("challengeMonths")?.integer(in: 1...24) ?? challengeMonths
        spotAuditPeriods = settings.child("spotAuditPeriods")?.integer(in: 1...24) ?? spotAuditPeriods
    }

    /// The audit tools, to store.
    public var profileRecords: [any StorableRecord] { templates }
}
