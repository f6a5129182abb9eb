import Foundation

/// The assurance framework: the composed modules, the seams and the cycle that judges the records.
///
/// ```swift
/// let framework = try AssuranceFramework(
///     modules: [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()],
///     environment: environment,
///     notifier: Notifier(sinks: [ConsoleNotificationSink()], records: environment.records)
/// )
/// let outcome = try await framework.runCycle(on: try Day(parsing: "2026-03-31"), by: qaLead)
/// ```
///
/// Every module is composed the same way, the Domain's own ``PartnershipModule`` (attendance,
/// reporting and scrutiny cadences, the voice of children and families) among them: a framework
/// holds the modules it is given and no others. Rules of a host's own join with `rules:`, without
/// a module to hold them.
public struct AssuranceFramework: Sendable {
    /// The record types every module reads, whichever modules are composed: the partnership, its
    /// agencies, localities and groups; the chain from a finding to evidence of impact (findings,
    /// recommendations, themed work streams, the one action tracker, impact); signals; and the
    /// notification outbox and its messages.
    public static let coreRecordTypes: [any StorableRecord.Type] = [
        Partnership.self, Agency.self, Locality.self, Group.self, Finding.self, Recommendation.self, WorkStream.self,
        TrackedAction.self, ImpactRecord.self, Priority.self, Signal.self, OutboxEntry.self, OutboxMessage.self,
        Reminder.self, StoredProfile.self,
    ]

    /// Every module, in the order given; a host's own rules last, as a ``RuleSet``.
    public let modules: [any AssuranceModule]
    /// The seams.
    public let environment: AssuranceEnvironment
    /// Delivers the outbox, if set.
    public let notifier: Notifier?
    /// Who receives what: the cycle composes a message for each of them into the outbox.
    public let contacts: ContactDirectory
    /// When unresolved findings move up a level.
    public let escalation: EscalationPolicy
    /// How long before each kind of deadline its reminder goes out.
    public let reminders: ReminderPolicy
    /// The partnership's framework, as its rules cite it.
    public let document: FrameworkDocument
    /// Every kind of report the framework can make: the standard ones and those the modules define.
    public let reportDefinitions: [ReportDefinition]

    /// Composes a framework.
    ///
    /// Modules are told apart by id, rules by id, record types by name and report definitions by
    /// kind: a host that loads modules or rules from configuration gets an error naming the clash,
    /// not a stopped process.
    ///
    /// - Parameters:
    ///   - modules: The modules, in the order their sections appear in reports.
    ///   - rules: Rules of the host's own, composed as a ``RuleSet`` named `Local rules`.
    ///   - environment: The seams.
    ///   - notifier: Delivers the outbox.
    ///   - contacts: Who receives what; the notifier's contacts when `nil`.
    ///   - escalation: When unresolved findings move up a level.
    ///   - reminders: How long before each kind of deadline its reminder goes out.
    ///   - document: The partnership's framework, as its rules cite it: its name and its sections' titles.
    /// - Throws: ``DomainError/Code/duplicate`` for two modules with one id, two rules with one id,
    ///   two record types with one name or two report definitions of one kind, naming both owners.
    public init(
        modules: [any AssuranceModule],
        rules: [any AssuranceRule] = [],
        environment: AssuranceEnvironment = AssuranceEnvironment(),
        notifier: Notifier? = nil,
        contacts: ContactDirectory? = nil,
        escalation: EscalationPolicy = .standard,
        reminders: ReminderPolicy = .standard,
        document: FrameworkDocument = .unnamed
    ) throws(DomainError) {
        let all = modules + (rules.isEmpty ? [] : [RuleSet(name: "Local rules", rules: rules)])
        // A report is titled in the partnership's words.
        self.reportDefinitions = try Self.checkComposition(all).map { definition in
            var titled = definition
            titled.title = document.title(of: definition)
            return titled
        }
        self.modules = all
        self.environment = environment
        self.notifier = notifier
        self.contacts = contacts ?? notifier?.contacts ?? .empty
        self.escalation = escalation
        self.reminders = reminders
        self.document = document
    }

    /// Checks no two modules share an id, no two rules an id, no two record types a name and no two
    /// report definitions a kind.
    ///
    /// - Returns: Every report definition: the standard ones, then the modules'.
    private static func checkComposition(_ modules: [any AssuranceModule]) throws(DomainError) -> [ReportDefinition] {
        var owners: [String: String] = [:]
        func claim(_ what: String, _ value: String, by module: any AssuranceModule) throws(DomainError) {
            let key = "\(what) \(value)"
            if let owner = owners.updateValue(module.name, forKey: key) {
                throw DomainError(
                    .duplicate,
                    "two parts of the framework have the \(what) \(DomainError.quote(value)): \(owner) and "
                        + "\(module.name); give each its own",
                    context: .init(field: what, value: value)
                )
            }
        }
        for type in coreRecordTypes { owners["record type \(type.recordType)"] = "the framework's core" }
        var definitions = ReportDefinition.standard
        for definition in definitions { owners["report kind \(definition.kind)"] = "the standard reports" }
        for module in modules {
            try claim("module id", module.id.rawValue, by: module)
            for rule in module.rules { try claim("rule id", rule.id.rawValue, by: module) }
            for type in module.recordTypes { try claim("record type", type.recordType.rawValue, by: module) }
            for definition in module.reportDefinitions {
                try claim("report kind", definition.kind.rawValue, by: module)
                definitions.append(definition)
            }
        }
        return definitions
    }

    /// The names of the composed modules, for people.
    public var moduleNames: [String] { modules.map(\.name) }

    /// The ids of the composed modules.
    public var moduleIDs: [ModuleID] { modules.map(\.id) }

    /// The measures the composed modules' catalogues give a role, in module order: the measure to
    /// publish training take-up as, or the MASH's measures.
    public func measures(playing role: MeasureRole) -> [MeasureID] {
        measureDescriptions.filter { $0.roles.contains(role) }.map(\.id)
    }

    /// Every measure the composed modules define, in module order.
    public var measureDescriptions: [MeasureDescription] { modules.flatMap(\.measureDescriptions) }

    /// The definition of a kind of report.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming the kind and the kinds the framework knows.
    public func reportDefinition(for kind: ReportKind) throws(DomainError) -> ReportDefinition {
        guard let definition = reportDefinitions.first(where: { $0.kind == kind }) else {
            throw DomainError(
                .invalidInput,
                "unknown report \(DomainError.quote(kind.rawValue)); expected one of "
                    + reportDefinitions.map(\.kind.rawValue).joined(separator: ", ")
            )
        }
        return definition
    }

    /// How a finding left unresolved moves up, in the partnership's words: the levels of its route,
    /// and how long a finding waits at each, as a local default unless the partnership set it.
    ///
    /// Such as `A finding left unresolved moves up through the agency, the sub-group, … It waits 2
    /// months at the agency (local default), …; at the Executive it stays.`
    public var escalationSummary: String {
        let route = escalation.route
        let names = route.map { "the \(document.name(of: $0))" }
        var text = "A finding left unresolved moves up through \(names.listed)."
        let waits = route.compactMap { level -> String? in
            guard let wait = escalation.after[level], level != route.last else { return nil }
            let standing = EscalationPolicy.standard.after[level] == wait ? "local default" : "set by the partnership"
            return "\(wait) at the \(document.name(of: level)) (\(standing))"
        }
        text += waits.isEmpty ? " It does not move on its own." : " It waits \(waits.listed) before it moves up"
        if let top = route.last, !waits.isEmpty { text += "; at the \(document.name(of: top)) it stays" }
        return waits.isEmpty ? text : text + "."
    }

    /// Every rule, with its module and source, in module order.
    public var ruleCatalogue: [RuleDescription] {
        modules.flatMap { module in
            module.rules.map { rule in
                RuleDescription(
                    module: module.name,
                    id: rule.id,
                    title: document.words(rule.title),
                    summary: document.words(rule.summary),
                    source: document.resolve(rule.source, rule: rule.id),
                    localDefaults: rule.localDefaults.map { document.figure($0, rule: rule.id) },
                    decision: rule.decisionOptions.named(by: document),
                    showsImpact: rule.showsImpact
                )
            }
        }
    }

    /// Every record type: the cycle's own and every module's.
    public var recordTypes: [any StorableRecord.Type] {
        Self.coreRecordTypes + modules.flatMap(\.recordTypes)
    }

    /// Every record type, with the schema version this build writes.
    public var schemaVersions: [RecordType: Int] {
        var versions: [RecordType: Int] = [:]
        for type in recordTypes { versions[type.recordType] = type.schemaVersion }
        return versions
    }

    /// Checks the store holds nothing written by a newer schema than this build reads.
    ///
    /// - Throws: ``DomainError/Code/schemaTooNew`` naming the type and both versions.
    public func checkSchema() async throws {
        try StoreRules.checkSchema(try await environment.store.storedSchemaVersions(), supported: schemaVersions)
    }

    // MARK: Acting on findings

    /// Records that someone has acknowledged a finding.
    ///
    /// - Throws: ``DomainError/Code/notFound``, ``DomainError/Code/accessDenied`` or
    ///   ``DomainError/Code/staleWrite``.
    @discardableResult
    public func acknowledge(_ id: Finding.ID, note: String? = nil, by principal: Principal) async throws -> Finding {
        try await change(id, as: .update, by: principal) { finding, day in
            finding.acknowledgement = Finding.Acknowledgement(by: principal.id, on: day, note: note)
        }
    }

    /// Assigns a finding to the person who will deal with it.
    @discardableResult
    public func assign(_ id: Finding.ID, to owner: Principal.ID, by principal: Principal) async throws -> Finding {
        try await change(id, as: .update, by: principal) { finding, _ in finding.owner = owner }
    }

    /// Records the decision of the level at the top of the escalation route (the Executive, in the
    /// starter framework) on a finding escalated to it.
    ///
    /// - Throws: ``DomainError/Code/invalidTransition`` when the finding is not at the top level.
    @discardableResult
    public func recordDecision(_ id: Finding.ID, decision text: String, by principal: Principal) async throws -> Finding
    {
        try await change(id, as: .decide, by: principal) { finding, day in
            let top = escalation.route.last ?? .executive
            guard finding.level == top else {
                throw DomainError(
                    .invalidTransition,
                    "finding \(finding.id) is at the \(document.name(of: finding.level)); a decision is recorded once it "
                        + "reaches the \(document.name(of: top))"
                )
            }
            finding.decision = Finding.Decision(by: principal.id, on: day, text: text)
        }
    }

    private func change(
        _ id: Finding.ID,
        as action: AccessAction,
        by principal: Principal,
        _ edit: (inout Finding, Day) throws -> Void
    ) async throws -> Finding {
        let today = environment.today()
        return try await environment.records.modify(Finding.self, id: id, as: action, by: principal) {
            try edit(&$0, today)
        }.value
    }

    /// The findings a principal may read, filtered by status, in the framework's order
    /// (``Finding/inFrameworkOrder(_:_:)``).
    public func findings(status: Finding.Status? = .open, as principal: Principal) async throws -> [Finding] {
        let filter = RecordFilter(status: status.map(RecordStatus.init))
        return try await environment.records.all(Finding.self, filter, as: principal).map(\.value)
            .sorted(by: Finding.inFrameworkOrder)
    }
}

extension Finding {
    /// Applies a rule's fresh report; returns whether anything changed.
    mutating func apply(_ draft: FindingDraft) -> Bool {
        let before = self
        subject = draft.subject
        agency = draft.agency
        group = draft.group
        severity = draft.severity
        message = draft.message
        themes = draft.themes
        evidence = draft.evidence
        dueOn = draft.dueOn
        return self != before
    }
}
