extension PartnershipProfile {
    /// Reads the framework document: its name, section titles, what it says of each rule's
    /// obligation, its names for the levels and its report titles.
    static func framework(_ part: ProfileReader, groups: [Group]) -> FrameworkDocument {
        var document = FrameworkDocument.unnamed
        guard
            part.fields(allowing: [
                "name", "sections", "quotes", "levels", "reports", "disclosure", "closesRecommendationsOn",
            ]) != nil
        else {
            return document
        }
        if let closing = part.child("closesRecommendationsOn") {
            document.recommendationsCloseOn = closesOn(closing) ?? document.recommendationsCloseOn
        }
        if let disclosure = part.child("disclosure") {
            document.suppressedCounts = suppressedCounts(disclosure)
            if let sections = disclosure.child("namesAgenciesIn") {
                document.sectionsNamingAgencies = Set(sections.elements().compactMap { $0.nonEmptyString() })
            }
        }
        document.name = part.child("name", required: true)?.string() ?? document.name
        let known = FrameworkSection.common.map(\.rawValue)
        for (key, title) in part.child("sections")?.members() ?? [] {
            guard known.contains(key) else {
                title.problem(
                    "\(DomainError.quote(key)) is not a section the rules cite; expected one of "
                        + known.joined(separator: ", ")
                )
                continue
            }
            if let text = title.string() { document.sections[FrameworkSection(rawValue: key)] = text }
        }
        for (key, quote) in part.child("quotes")?.members() ?? [] {
            guard let rule = RuleID(rawValue: key) else {
                quote.problem("\(DomainError.quote(key)) is not a rule id")
                continue
            }
            if let text = quote.nonEmptyString() { document.quotes[rule] = text }
        }
        let ids = Set(groups.map(\.id))
        for (key, level) in part.child("levels")?.members() ?? [] {
            guard let which = EscalationLevel(rawValue: key) else {
                level.problem(
                    "\(DomainError.quote(key)) is not a level; expected one of "
                        + EscalationLevel.allCases.map(\.rawValue).joined(separator: ", ")
                )
                continue
            }
            guard level.fields(allowing: ["name", "group"]) != nil,
                let name = level.child("name", required: true)?.nonEmptyString()
            else { continue }
            let group = level.child("group")?.string().flatMap { identifier(Group.self, $0, level, "group") }
            if let group, !ids.contains(group) {
                level.problem(
                    "group \(DomainError.quote(group.rawValue)) is not a group of the profile; expected one of "
                        + groups.map(\.id.rawValue).joined(separator: ", "),
                    at: "group"
                )
            }
            document.levels[which] = FrameworkDocument.Level(name, group: group)
        }
        for (key, report) in part.child("reports")?.members() ?? [] {
            guard report.fields(allowing: ["title", "addressee"]) != nil else { continue }
            document.reports[ReportKind(rawValue: key)] = FrameworkDocument.Report(
                title: report.child("title")?.nonEmptyString(),
                addressee: report.child("addressee")?.nonEmptyString()
            )
        }
        return document
    }

    /// Reads `closesRecommendationsOn`: the judgements of impact a recommendation may close on,
    /// `["embedded"]` or `["embedded", "progressing"]`.
    static func closesOn(_ part: ProfileReader) -> Set<ImpactRecord.Judgement>? {
        let allowed: [ImpactRecord.Judgement] = [.embedded, .progressing]
        var judgements: Set<ImpactRecord.Judgement> = []
        for element in part.elements() {
            guard let text = element.string() else { continue }
            guard let judgement = ImpactRecord.Judgement(rawValue: text), allowed.contains(judgement) else {
                element.problem(
                    "\(DomainError.quote(text)) is not a judgement a recommendation may close on; expected "
                        + allowed.map(\.rawValue).joined(separator: " or ")
                )
                continue
            }
            judgements.insert(judgement)
        }
        guard judgements.contains(.embedded) else {
            part.problem("a recommendation closes at least on a change embedded; expected \"embedded\" among them")
            return nil
        }
        return judgements
    }

    /// Reads `disclosure`: `{"smallCounts": {"from": 1, "to": 5}}`, the counts a public report hides
    /// (`namesAgenciesIn`, the sections that may name agencies, is read beside it).
    static func suppressedCounts(_ part: ProfileReader) -> ClosedRange<Int> {
        let standard = FrameworkDocument.unnamed.suppressedCounts
        guard part.fields(allowing: ["smallCounts", "namesAgenciesIn"]) != nil,
            part.has("smallCounts")
        else { return standard }
        guard let range = part.child("smallCounts", required: true),
            range.fields(allowing: ["from", "to"]) != nil
        else { return standard }
        let from = range.child("from", required: true)?.integer(in: 1...1_000)
        let to = range.child("to", required: true)?.integer(in: 1...1_000)
        guard let from, let to else { return standard }
        guard from <= to else {
            range.problem("from \(from) is after to \(to); expected the smallest count hidden, then the largest")
            return standard
        }
        return from...to
    }

    /// Names the levels a profile leaves unnamed after the groups that hold them: the executive
    /// group's name for the top level, the practice development group's for the one below.
    ///
    /// - Returns: A note of each name assumed.
    static func nameLevels(_ document: inout FrameworkDocument, after groups: [Group]) -> [String] {
        var notes: [String] = []
        for (level, kind) in [
            (EscalationLevel.executive, GroupKind.executive), (.practiceDevelopmentGroup, .practiceDevelopmentGroup),
        ]
        where document.levels[level] == nil {
            guard let group = groups.first(where: { $0.kind == kind }) else { continue }
            document.levels[level] = FrameworkDocument.Level(group.name, group: group.id)
            notes.append("the \(level.rawValue) level is named after the group \(group.id) (\(group.name))")
        }
        return notes
    }

    /// The framework document as a profile file holds it.
    static func json(_ document: FrameworkDocument) -> JSONValue {
        var sections: [String: JSONValue] = [:]
        for (section, title) in document.sections { sections[section.rawValue] = .string(title) }
        var object: [String: JSONValue] = ["name": .string(document.name), "sections": .object(sections)]
        if !document.quotes.isEmpty {
            var quotes: [String: JSONValue] = [:]
            for (rule, text) in document.quotes { quotes[rule.rawValue] = .string(text) }
            object["quotes"] = .object(quotes)
        }
        if !document.levels.isEmpty {
            var levels: [String: JSONValue] = [:]
            for (level, named) in document.levels {
                var entry: [String: JSONValue] = ["name": .string(named.name)]
                if let group = named.group { entry["group"] = .string(group.rawValue) }
                levels[level.rawValue] = .object(entry)
            }
            object["levels"] = .object(levels)
        }
        var disclosure: [String: JSONValue] = [:]
        if document.suppressedCounts != FrameworkDocument.unnamed.suppressedCounts {
            disclosure["smallCounts"] = .object([
                "from": .number(Double(document.suppressedCounts.lowerBound)),
                "to": .number(Double(document.suppressedCounts.upperBound)),
            ])
        }
        if document.sectionsNamingAgencies != FrameworkDocument.unnamed.sectionsNamingAgencies {
            disclosure["namesAgenciesIn"] = .array(document.sectionsNamingAgencies.sorted().map(JSONValue.string))
        }
        if !disclosure.isEmpty { object["disclosure"] = .object(disclosure) }
        if document.recommendationsCloseOn != FrameworkDocument.unnamed.recommendationsCloseOn {
            object["closesRecommendationsOn"] = .array(
                ImpactRecord.Judgement.allCases.filter(document.recommendationsCloseOn.contains).map {
                    .string($0.rawValue)
                }
            )
        }
        if !document.reports.isEmpty {
            var reports: [String: JSONValue] = [:]
            for (kind, words) in document.reports {
                var entry: [String: JSONValue] = [:]
                if let title = words.title { entry["title"] = .string(title) }
                if let addressee = words.addressee { entry["addressee"] = .string(addressee) }
                reports[kind.rawValue] = .object(entry)
            }
            object["reports"] = .object(reports)
        }
        return .object(object)
    }
}

extension PartnershipProfile {
    /// Checks what the profile names of its modules: every quote is of a rule a module has, and
    /// every report titled is a kind the framework makes.
    func checkReferences(to modules: [any AssuranceModule], reporting reader: ProfileReader) {
        let rules = Set(modules.flatMap(\.rules).map(\.id))
        let composed = Set(modules.map(\.id.rawValue))
        for rule in framework.quotes.keys.sorted() where !rules.contains(rule) {
            // A quote of a module the host does not compose is the framework's all the same: kept,
            // and noted. A rule a composed module does not have is a mistake.
            let module = String(rule.rawValue.prefix { $0 != "." })
            guard composed.contains(module) else {
                reader.note(
                    "quotes a rule of \(DomainError.quote(module)), which is not composed; the quote is kept for when it is",
                    at: "framework.quotes.\(rule)"
                )
                continue
            }
            reader.problem(
                "quotes a rule no module has, \(DomainError.quote(rule.rawValue)); check its id in `qaf rules`",
                at: "framework.quotes.\(rule)"
            )
        }
        let references = ProfileReferences(
            measures: modules.flatMap(\.measureDescriptions).map(\.id),
            priorities: priorities.map(\.id),
            groups: groups.map(\.id)
        )
        for (index, priority) in priorities.enumerated() {
            for (position, measure) in priority.measures.enumerated() {
                references.check(measure: measure, at: reader, key: "priorities[\(index)].measures[\(position)]")
            }
        }
        let deadlines = DeadlineKind.known + modules.flatMap(\.deadlineKinds)
        for kind in reminders.workingDaysBefore.keys.sorted() where !deadlines.contains(kind) {
            reader.problem(
                "\(DomainError.quote(kind.rawValue)) is not a kind of deadline; expected one of "
                    + deadlines.map(\.rawValue).joined(separator: ", "),
                at: "reminders.workingDaysBefore.\(kind)"
            )
        }
        for case let module as any ProfileConfigurable in modules {
            guard let part = reader.child("modules")?.child(module.id.rawValue) else { continue }
            module.checkReferences(references, reporting: part)
        }
        let kinds = Set((ReportDefinition.standard + modules.flatMap(\.reportDefinitions)).map(\.kind))
        for kind in framework.reports.keys.sorted() where !kinds.contains(kind) {
            reader.problem(
                "titles a report kind the framework does not make, \(DomainError.quote(kind.rawValue)); expected one of "
                    + kinds.map(\.rawValue).sorted().joined(separator: ", "),
                at: "framework.reports.\(kind)"
            )
        }
    }
}
