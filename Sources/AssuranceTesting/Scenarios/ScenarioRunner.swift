public import Domain
import Foundation

/// What running a scenario showed: whether every expectation held, and where not, the difference.
public struct ScenarioResult: Hashable, Sendable {
    /// The scenario's name.
    public var name: String
    /// Each expectation that did not hold, with what was found instead; empty when it passed.
    public var differences: [String]

    /// Whether every expectation held.
    public var passed: Bool { differences.isEmpty }
}

/// Runs scenarios through the real assurance cycle on an in-memory store, configured from a
/// partnership profile: as a test runner runs tests.
///
/// ```swift
/// let runner = ScenarioRunner(profile: profile, modules: [Section11Module.self, AuditModule.self])
/// let result = try await runner.run(scenario)
/// ```
public struct ScenarioRunner: Sendable {
    /// The profile the partnership is configured from.
    public let profile: PartnershipProfile
    /// The modules, made from the profile.
    public let modules: [any ProfileConfigurable.Type]

    /// Creates a runner.
    public init(profile: PartnershipProfile, modules: [any ProfileConfigurable.Type]) {
        self.profile = profile
        self.modules = modules
    }

    /// Runs a scenario: the profile's partnership and reference data, then the scenario's records and
    /// observations, then the cycle on each of its days; then compares what is open and what was
    /// reminded with what the scenario expects.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a rule or a kind of reminder the composed
    ///   modules do not have, a record of an unknown type or one that does not decode (naming its
    ///   index and path); the profile's problems.
    public func run(_ scenario: Scenario) async throws -> ScenarioResult {
        let store = InMemoryStore()
        let today = AdvancingDay(scenario.days[0])
        let environment = AssuranceEnvironment(store: store, clock: today.dateSource, ids: .incrementing)
        let framework = try AssuranceFramework(profile: profile, modules: modules, environment: environment)
        try Self.check(scenario, against: framework)
        let types = Dictionary(
            framework.recordTypes.map { ($0.recordType, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var batch = RecordBatch()
        let own = try scenario.records.enumerated().map { try Self.record($1, index: $0, types: types) }
        // A record the scenario gives itself stands in for the profile's of the same id.
        let given = Set(own.map(\.reference))
        for record in profile.records(for: framework.modules, membersSince: scenario.days[0])
        where !given.contains(record.reference) {
            try batch.save(record, version: 0)
        }
        for record in own { try batch.save(record, version: 0) }
        try batch.append(scenario.observations)
        try await environment.records.commit(batch, by: .system)
        var reminded: [Reminder] = []
        var outcome = CycleOutcome(day: scenario.days[0])
        for day in scenario.days {
            today.set(day)
            outcome = try await framework.runCycle(on: day, by: .system)
            reminded += outcome.reminded
        }
        let open = outcome.open
        func describe(_ finding: Finding) -> String {
            "\(finding.rule) at \(finding.level.rawValue): \"\(finding.message)\""
        }
        var differences: [String] = []
        for expected in scenario.findings {
            let matches = open.filter { finding in
                finding.rule == expected.rule && (expected.level.map { $0 == finding.level } ?? true)
                    && (expected.messageContains.map { finding.message.contains($0) } ?? true)
            }
            guard matches.isEmpty else { continue }
            var wanted = "a finding of \(expected.rule)"
            if let level = expected.level { wanted += " at \(level.rawValue)" }
            if let text = expected.messageContains { wanted += " containing \"\(text)\"" }
            let near = open.filter { $0.rule == expected.rule }
            differences.append(
                "expected \(wanted); found "
                    + (near.isEmpty
                        ? "none of that rule (open: \(open.isEmpty ? "nothing" : open.map { $0.rule.rawValue }.joined(separator: ", ")))"
                        : near.map(describe).joined(separator: "; "))
            )
        }
        for rule in scenario.noFindingsFrom {
            let found = open.filter { $0.rule == rule }
            if !found.isEmpty {
                differences.append(
                    "expected no finding of \(rule); found \(found.map(describe).joined(separator: "; "))"
                )
            }
        }
        for expected in scenario.reminders {
            let matches = reminded.filter { $0.kind == expected.kind && (expected.dueOn.map { $0 == $0 } ?? true) }
                .filter { reminder in expected.dueOn.map { reminder.dueOn == $0 } ?? true }
            if matches.isEmpty {
                differences.append(
                    "expected a reminder of \(expected.kind)\(expected.dueOn.map { " due on \($0)" } ?? ""); found "
                        + (reminded.isEmpty
                            ? "none" : reminded.map { "\($0.kind) due on \($0.dueOn)" }.joined(separator: "; "))
                )
            }
        }
        return ScenarioResult(name: scenario.name, differences: differences)
    }

    /// Every rule and kind of reminder a scenario expects is one the framework has: a misspelt id
    /// would otherwise pass for ever.
    static func check(_ scenario: Scenario, against framework: AssuranceFramework) throws(DomainError) {
        let rules = framework.ruleCatalogue.map(\.id)
        let kinds = DeadlineKind.known + framework.modules.flatMap(\.deadlineKinds)
        var problems: [String] = []
        func unknown(_ rule: RuleID, at path: String) {
            guard !rules.contains(rule) else { return }
            let near = rules.filter {
                $0.rawValue.hasPrefix(rule.rawValue.split(separator: ".").first.map(String.init) ?? "")
            }
            problems.append(
                "\(path): \(DomainError.quote(rule.rawValue)) is not a rule of the composed modules; expected one of "
                    + (near.isEmpty ? rules : near).map(\.rawValue).joined(separator: ", ") + " (qaf rules lists them)"
            )
        }
        for (index, finding) in scenario.findings.enumerated() {
            unknown(finding.rule, at: "expect.findings[\(index)].rule")
        }
        for (index, rule) in scenario.noFindingsFrom.enumerated() {
            unknown(rule, at: "expect.noFindingsFrom[\(index)]")
        }
        for (index, reminder) in scenario.reminders.enumerated() where !kinds.contains(reminder.kind) {
            problems.append(
                "expect.reminders[\(index)].kind: \(DomainError.quote(reminder.kind.rawValue)) is not a kind of "
                    + "deadline; expected one of " + kinds.map(\.rawValue).joined(separator: ", ")
            )
        }
        guard problems.isEmpty else {
            throw DomainError(
                .invalidInput,
                "\(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
                    + problems.map { "  \($0)" }.joined(separator: "\n")
            )
        }
    }

    static func record(
        _ entry: JSONValue,
        index: Int,
        types: [RecordType: any StorableRecord.Type]
    ) throws -> any StorableRecord {
        let reader = ProfileReader(entry, path: "records[\(index)]")
        _ = reader.fields(allowing: ["type", "record"])
        guard let name = reader.child("type", required: true)?.string(),
            let body = reader.child("record", required: true)
        else {
            throw DomainError(.invalidInput, reader.problems.map(\.description).joined(separator: "; "))
        }
        guard let type = types[RecordType(rawValue: name)] else {
            throw DomainError(
                .invalidInput,
                "records[\(index)].type: \(DomainError.quote(name)) is not a record type of the composed modules; expected one of "
                    + types.keys.map(\.rawValue).sorted().joined(separator: ", ")
            )
        }
        guard let record = decode(type, body) else {
            throw DomainError(.invalidInput, body.problems.map(\.description).joined(separator: "; "))
        }
        return record
    }

    private static func decode<R: StorableRecord>(_: R.Type, _ reader: ProfileReader) -> (any StorableRecord)? {
        reader.decode(R.self)
    }
}
