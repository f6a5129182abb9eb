public import Foundation

/// A module configured from its part of a partnership profile.
///
/// Its part sits under `modules.<id>` in the profile (`modules.section11`): reference data such as standard sets or a
/// measure catalogue, and the settings the module exposes, each with its default.
public protocol ProfileConfigurable: AssuranceModule {
    /// The module's part of the starter profile: the framework's own standards, catalogue, clocks
    /// and settings, as the package ships them.
    static var starterProfile: JSONValue { get }
    /// The module configured from its part of a profile; an absent part or key keeps the default.
    /// Every problem is added to the reader, with its path.
    init(profile part: ProfileReader?)
    /// The reference records its part of the profile holds, to store for a new partnership.
    var profileRecords: [any StorableRecord] { get }
    /// Checks what the module's part names of the rest of the profile (measures, priorities, groups),
    /// once every module is made: each problem is added to its part's reader, with its path.
    func checkReferences(_ references: ProfileReferences, reporting part: ProfileReader)
}

extension ProfileConfigurable {
    /// Nothing to check.
    public func checkReferences(_ references: ProfileReferences, reporting part: ProfileReader) {}
}

/// What the parts of a profile may name of one another.
public struct ProfileReferences: Sendable {
    /// The measures the composed modules define; empty when none defines any, and then nothing is
    /// checked against it.
    public var measures: [MeasureID]
    /// The profile's priorities.
    public var priorities: [Priority.ID]
    /// The profile's groups.
    public var groups: [Group.ID]

    /// Creates the references.
    public init(measures: [MeasureID], priorities: [Priority.ID], groups: [Group.ID]) {
        self.measures = measures
        self.priorities = priorities
        self.groups = groups
    }

    /// Checks that a measure is defined, adding a problem where it is named when it is not.
    public func check(measure: MeasureID, at reader: ProfileReader, key: String? = nil) {
        guard !measures.isEmpty, !measures.contains(measure) else { return }
        reader.problem(
            "measure \(DomainError.quote(measure.rawValue)) is not in the measure catalogue; expected one of "
                + measures.map(\.rawValue).joined(separator: ", "),
            at: key
        )
    }
}

/// Everything that differs between partnerships, as one versioned, documented file (`qaf-profile`,
/// JSON): the partnership, its framework document, its groups and priorities, its escalation and
/// reminder policies, and each module's part (standard sets, audit templates, the measure catalogue,
/// clocks, and every threshold a module exposes).
///
/// ```swift
/// let profile = try PartnershipProfile(json: data, source: "brackenshire.qaf-profile.json")
/// let modules = try profile.modules([Section11Module.self, AuditModule.self])
/// ```
public struct PartnershipProfile: Sendable {
    /// The file format's name.
    public static let format = "qaf-profile"
    /// The version of the format this build writes; it reads every earlier version too.
    ///
    /// Version 2 keys each module's part by the module's id (`modules.section11`); version 1 keyed
    /// it by the module's display name (`modules.Section 11`), which is read as the id it stands for.
    public static let version = 2

    /// The partnership's id.
    public var partnershipID: Partnership.ID
    /// The partnership's name.
    public var partnershipName: String
    /// Its framework, as its rules cite it.
    public var framework: FrameworkDocument
    /// Its groups, with their cadences and who reports to whom.
    public var groups: [Group]
    /// Its priorities.
    public var priorities: [Priority]
    /// When unresolved findings move up a level, and through which levels.
    public var escalation: EscalationPolicy
    /// How long before each kind of deadline its reminder goes out.
    public var reminders: ReminderPolicy
    /// Each module's part, by module id, as read.
    public var modules: [String: JSONValue]
    /// The partnership's localities.
    public var localities: [Locality] = []
    /// The partnership's agencies, each with its sector, whether it is a statutory partner and its
    /// locality.
    public var agencies: [Agency] = []
    /// The groups each agency sits on, by agency: its memberships (``memberships(since:)``).
    public var seats: [Agency.ID: [Group.ID]] = [:]
    /// Who receives what: the contacts the cycle's messages go to, and how each prefers them.
    public var contacts: ContactDirectory = .empty
    /// What reading a profile of an earlier format version assumed, one sentence each; empty for a
    /// profile of this version.
    public var migrationNotes: [String] = []

    /// Creates a profile.
    public init(
        partnershipID: Partnership.ID,
        partnershipName: String,
        framework: FrameworkDocument,
        groups: [Group] = [],
        priorities: [Priority] = [],
        escalation: EscalationPolicy = .standard,
        reminders: ReminderPolicy = .standard,
        modules: [String: JSONValue] = [:]
    ) {
        self.partnershipID = partnershipID
        self.partnershipName = partnershipName
        self.framework = framework
        self.groups = groups
        self.priorities = priorities
        self.escalation = escalation
        self.reminders = reminders
        self.modules = modules
    }

    /// Reads a profile, checking the partnership's own part whole.
    ///
    /// Every problem is reported with its JSON path, the value and what was expected. The modules' parts are checked when the
    /// modules are made from it (``modules(_:source:)``), or read with it (``read(json:source:modules:)``).
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming the source and every problem;
    ///   ``DomainError/Code/schemaTooNew`` for a newer format version.
    public init(json data: Data, source: String) throws {
        let (reader, profile) = try Self.parse(data, source: source)
        if !reader.problems.isEmpty { throw DomainError(.invalidInput, Self.message(source, reader.problems)) }
        self = profile
    }

    /// Reads a profile and makes the given modules from it, checking it whole: every problem in the
    /// partnership's part and in every module's part is reported at once, with its path.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming the source and every problem;
    ///   ``DomainError/Code/schemaTooNew`` for a newer format version.
    public static func read(
        json data: Data,
        source: String,
        modules types: [any ProfileConfigurable.Type]
    ) throws -> (PartnershipProfile, [any AssuranceModule]) {
        var (reader, profile) = try parse(data, source: source)
        // The modules' parts as read, keyed by id whatever version wrote them.
        let parts = ProfileReader(.object(["modules": .object(profile.modules)]))
        let made = made(types, from: parts.child("modules"), reporting: parts)
        profile.checkReferences(to: made, reporting: parts)
        let problems = reader.problems + parts.problems
        if !problems.isEmpty { throw DomainError(.invalidInput, message(source, problems)) }
        profile.migrationNotes += parts.notes.map(\.description)
        return (profile, made)
    }

    static func parse(_ data: Data, source: String) throws -> (ProfileReader, PartnershipProfile) {
        let document = try JSONValue.read(data, source: source)
        let reader = ProfileReader(document)
        _ = reader.fields(allowing: [
            "format", "version", "partnership", "framework", "localities", "agencies", "groups", "priorities",
            "escalation", "reminders", "modules", "contacts",
        ])
        if reader.child("format", required: true)?.string().map({ $0 == Self.format }) == false {
            reader.problem("expected \(DomainError.quote(Self.format))", at: "format")
        }
        if let version = reader.child("version", required: true)?.integer(in: 1...Int.max), version > Self.version {
            throw DomainError(
                .schemaTooNew,
                "\(source) is a \(Self.format) of version \(version); this build reads version \(Self.version) and earlier"
            )
        }
        var partnership: (Partnership.ID, String) = ("partnership", "")
        if let part = reader.child("partnership", required: true), part.fields(allowing: ["id", "name"]) != nil {
            let id = part.child("id", required: true)?.string()
            let name = part.child("name", required: true)?.string()
            if let id, let identifier = Self.identifier(Partnership.self, id, part, "id") { partnership.0 = identifier }
            partnership.1 = name ?? ""
        }
        let frameworkPart = reader.child("framework", required: true)
        let groups = (reader.child("groups")?.elements() ?? []).compactMap(Self.group)
        Self.checkReporting(groups, reader)
        var framework = frameworkPart.map { Self.framework($0, groups: groups) } ?? .unnamed
        let named = Self.nameLevels(&framework, after: groups)
        let priorities = (reader.child("priorities")?.elements() ?? []).compactMap { $0.decode(Priority.self) }
        Self.checkDuplicates(priorities.map(\.id.rawValue), "priority", reader, at: "priorities")
        Self.checkGroupPriorities(reader.child("groups"), known: priorities.map(\.id))
        let escalation = reader.child("escalation").map(Self.escalation) ?? .standard
        let reminders = reader.child("reminders").map(Self.reminders) ?? .standard
        var modules: [String: JSONValue] = [:]
        var notes: [String] = []
        var written = Self.version
        if case .number(let number)? = document["version"] { written = Int(number) }
        for (key, part) in reader.child("modules")?.members() ?? [] {
            guard written < 2 else {
                modules[key] = part.value
                continue
            }
            let id = ModuleID.formerlyNamed(key).rawValue
            modules[id] = part.value
            if id != key { notes.append("modules.\(key) is read as modules.\(id): version 2 names a module by its id") }
        }
        let profile = PartnershipProfile(
            partnershipID: partnership.0,
            partnershipName: partnership.1,
            framework: framework,
            groups: groups,
            priorities: priorities,
            escalation: escalation,
            reminders: reminders,
            modules: modules
        )
        var migrated = profile
        migrated.migrationNotes = notes + named
        migrated.localities = Self.localities(reader)
        (migrated.agencies, migrated.seats) = Self.agencies(
            reader,
            localities: migrated.localities,
            groups: groups,
            sectors: Self.sectors(in: modules)
        )
        if let part = reader.child("contacts") {
            migrated.contacts = Self.contacts(part, groups: groups, agencies: migrated.agencies)
        }
        return (reader, migrated)
    }

    static func made(
        _ types: [any ProfileConfigurable.Type],
        from part: ProfileReader?,
        reporting root: ProfileReader
    ) -> [any AssuranceModule] {
        let known = types.map { moduleID($0).rawValue }
        let names = Dictionary(types.map { ($0.init(profile: nil).name, moduleID($0).rawValue) }) { first, _ in first }
        for (key, _) in part?.members() ?? [] where !known.contains(key) {
            let hint =
                names[key].map { "; a module is named by its id since version 2: write \(DomainError.quote($0))" } ?? ""
            root.problem(
                "unknown module \(DomainError.quote(key)); expected one of \(known.joined(separator: ", "))\(hint)",
                at: "modules.\(key)"
            )
        }
        return types.map { $0.init(profile: part?.child(moduleID($0).rawValue)) }
    }

    /// The modules of the given types, each configured from its part of the profile: every problem
    /// in every part is reported at once.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming every problem with its path.
    public func modules(
        _ types: [any ProfileConfigurable.Type],
        source: String = "profile"
    ) throws
        -> [any AssuranceModule]
    {
        let root = ProfileReader(.object(["modules": .object(modules)]))
        let made = Self.made(types, from: root.child("modules"), reporting: root)
        checkReferences(to: made, reporting: root)
        if !root.problems.isEmpty { throw DomainError(.invalidInput, Self.message(source, root.problems)) }
        return made
    }

    /// The records a new partnership starts with: the partnership, its localities, agencies, groups,
    /// memberships (each from its group's establishment, or from `day`) and priorities, and each
    /// module's reference data.
    public func records(
        for modules: [any AssuranceModule],
        timeZone: TimeZone = .england,
        membersSince day: Day
    ) -> [any StorableRecord] {
        var records: [any StorableRecord] = [
            Partnership(id: partnershipID, name: partnershipName, timeZoneIdentifier: timeZone.identifier)
        ]
        records += localities as [any StorableRecord]
        records += agencies as [any StorableRecord]
        records += groups as [any StorableRecord]
        records += memberships(since: day) as [any StorableRecord]
        records += priorities as [any StorableRecord]
        for case let module as any ProfileConfigurable in modules { records += module.profileRecords }
        return records
    }

    static func moduleID(_ type: any ProfileConfigurable.Type) -> ModuleID {
        type.init(profile: nil).id
    }

    static func message(_ source: String, _ problems: [ProfileProblem]) -> String {
        "\(source) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
