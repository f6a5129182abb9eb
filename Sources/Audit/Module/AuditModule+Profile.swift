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
            "types": .array(module.types.map { .object(["id": .string($0.id.rawValue), "label": .string($0.label)]) }),
            "rationales": .array(
                module.rationales.map { .object(["id": .string($0.id.rawValue), "label": .string($0.label)]) }
            ),
            "programmes": .array([]),
            "settings": .object([
                "moderationWorkingDays": .number(Double(module.moderationWorkingDays)),
                "reportWeeks": .number(Double(module.reportWeeks)),
                "challengeMonths": .number(Double(module.challengeMonths)),
                "spotAuditPeriods": .number(Double(module.spotAuditPeriods)),
                "recurringThemeMonths": .number(Double(module.recurringThemeMonths)),
                "quarterlySummaryDays": .number(Double(module.quarterlySummaryDays)),
                "goodPracticeMonths": .number(Double(module.goodPracticeMonths)),
                "embeddedMonths": .number(Double(module.embeddedMonths)),
            ]),
        ])
    }

    /// The module configured from its part of a profile: its audit tools (each grade on its scale),
    /// its types of audit and reasons for themes, its programmes' cadences and its settings.
    public init(profile part: ProfileReader?) {
        self.init()
        guard let part,
            part.fields(allowing: ["templates", "types", "rationales", "programmes", "settings"]) != nil
        else { return }
        if let types = part.child("types") { self.types = Self.vocabulary(types, noun: "audit type") }
        if let rationales = part.child("rationales") {
            self.rationales = Self.vocabulary(rationales, noun: "rationale")
        }
        if let programmes = part.child("programmes") { self.programmes = self.programmes(programmes) }
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
        _ = settings.fields(allowing: [
            "moderationWorkingDays", "reportWeeks", "challengeMonths", "spotAuditPeriods", "recurringThemeMonths",
            "quarterlySummaryDays", "goodPracticeMonths", "embeddedMonths",
        ])
        recurringThemeMonths = settings.child("recurringThemeMonths")?.integer(in: 1...60) ?? recurringThemeMonths
        quarterlySummaryDays = settings.child("quarterlySummaryDays")?.integer(in: 1...120) ?? quarterlySummaryDays
        goodPracticeMonths = settings.child("goodPracticeMonths")?.integer(in: 1...60) ?? goodPracticeMonths
        embeddedMonths = settings.child("embeddedMonths")?.integer(in: 1...60) ?? embeddedMonths
        moderationWorkingDays = settings.child("moderationWorkingDays")?.integer(in: 1...120) ?? moderationWorkingDays
        reportWeeks = settings.child("reportWeeks")?.integer(in: 1...52) ?? reportWeeks
        challengeMonths = settings.child("challengeMonths")?.integer(in: 1...24) ?? challengeMonths
        spotAuditPeriods = settings.child("spotAuditPeriods")?.integer(in: 1...24) ?? spotAuditPeriods
    }

    /// A list of codes with their names, each code written as an identifier and given once.
    static func vocabulary<Kind>(_ list: ProfileReader, noun: String) -> [AuditVocabularyEntry<Code<Kind>>] {
        var entries: [AuditVocabularyEntry<Code<Kind>>] = []
        for element in list.elements() {
            guard element.fields(allowing: ["id", "label"]) != nil,
                let id = element.child("id", required: true)?.nonEmptyString(),
                let label = element.child("label", required: true)?.nonEmptyString()
            else { continue }
            guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                element.problem(
                    "\(noun) \(DomainError.quote(id)) is not a code; expected lower-case letters, digits and hyphens, "
                        + "such as \"case-file-audit\"",
                    at: "id"
                )
                continue
            }
            if entries.contains(where: { $0.id.rawValue == id }) {
                element.problem("\(noun) \(DomainError.quote(id)) appears twice; give each once", at: "id")
                continue
            }
            entries.append(.init(id: Code(rawValue: id), label: label))
        }
        if entries.isEmpty { list.problem("names no \(noun); name at least one") }
        return entries
    }

    /// The programmes' cadences, each of a type the module names.
    func programmes(_ list: ProfileReader) -> [AuditProgrammeCadence] {
        list.elements().compactMap { element in
            guard element.fields(allowing: ["type", "every", "from"]) != nil,
                let type = element.child("type", required: true)?.nonEmptyString(),
                let every = element.child("every", required: true)?.cadence()
            else { return nil }
            guard types.contains(where: { $0.id.rawValue == type }) else {
                element.problem(
                    "audit type \(DomainError.quote(type)) is not one of the profile's types; expected one of "
                        + types.map(\.id.rawValue).joined(separator: ", ") + ", or name it under types",
                    at: "type"
                )
                return nil
            }
            return AuditProgrammeCadence(
                type: AuditType(rawValue: type),
                every: every,
                from: element.child("from")?.day()
            )
        }
    }

    /// The audit tools, to store.
    public var profileRecords: [any StorableRecord] { templates }
}
