import Foundation

/// The partnership profile a database was made with, kept in the database so that every later use
/// of it is configured the same way.
public struct StoredProfile: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "stored profile" }
    /// The type of the record's identifier.
    public typealias ID = Identifier<StoredProfile>
    /// `domain.profile`.
    public static var recordType: RecordType { "domain.profile" }
    /// The one id a database's profile has.
    public static let current: StoredProfile.ID = "profile"

    /// The record's id: ``current``.
    public var id: StoredProfile.ID
    /// The profile's file, as JSON text.
    public var json: String

    /// Keeps a profile's file.
    public init(json: String) {
        self.id = Self.current
        self.json = json
    }

    /// The profile, read and checked.
    ///
    /// - Throws: What reading the profile throws.
    public func profile() throws -> PartnershipProfile {
        try PartnershipProfile(json: Data(json.utf8), source: "the database's profile")
    }

    /// Reference data.
    public var accessScope: AccessScope { AccessScope(.referenceData) }
}

extension AssuranceFramework {
    /// A framework configured from a partnership profile: its modules made from their parts, its
    /// escalation and reminder policies, and its framework document for every rule's source.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` naming every problem in the modules' parts.
    public init(
        profile: PartnershipProfile,
        modules: [any ProfileConfigurable.Type],
        rules: [any AssuranceRule] = [],
        environment: AssuranceEnvironment = AssuranceEnvironment(),
        notifier: Notifier? = nil
    ) throws {
        let made = try profile.modules(modules)
        var document = profile.framework
        // A figure is the partnership's once its profile gives it a value of its own; one that keeps
        // the package's value stays the package's local default.
        for (type, module) in zip(modules, made) {
            guard case .object(let part)? = profile.modules[module.id.rawValue],
                case .object(let settings)? = part["settings"]
            else { continue }
            var defaults: [String: JSONValue] = [:]
            if case .object(let starter) = type.starterProfile, case .object(let values)? = starter["settings"] {
                defaults = values
            }
            let own = Set(settings.filter { defaults[$0.key] != $0.value }.keys)
            for rule in module.rules { document.settings[rule.id] = own }
        }
        try self.init(
            modules: made,
            rules: rules,
            environment: environment,
            notifier: notifier,
            contacts: profile.contacts.isEmpty ? nil : profile.contacts,
            escalation: profile.escalation,
            reminders: profile.reminders,
            document: document
        )
    }
}

/// What applying a profile to a partnership's records wrote.
public struct ProfileApplication: Hashable, Sendable {
    /// The records the profile added.
    public var added: [RecordReference]
    /// The records it changed (renamed, moved, given another cadence), each a new version with its
    /// change-log entry.
    public var changed: [RecordReference]
    /// The records it left as they were.
    public var unchanged: Int
}

extension PartnershipProfile {
    /// Applies the profile to a partnership's records.
    ///
    /// What it holds that the store does not is added, what it holds differently is written as a new
    /// version, and nothing the store holds is deleted, so a renamed agency or group keeps its
    /// history. The profile itself is kept.
    ///
    /// ```swift
    /// let applied = try await profile.apply(to: records, modules: modules, on: day, by: qaLead)
    /// ```
    ///
    /// - Returns: What was added and changed.
    /// - Throws: ``DomainError/Code/accessDenied`` unless the principal may write the partnership's
    ///   structure and reference data; the store's error. Nothing is written on any error.
    @discardableResult
    public func apply(
        to records: Records,
        modules: [any AssuranceModule],
        on day: Day,
        by principal: Principal
    ) async throws -> ProfileApplication {
        var batch = RecordBatch()
        var applied = ProfileApplication(added: [], changed: [], unchanged: 0)
        let kept = StoredProfile(json: String(decoding: try encoded(), as: UTF8.self))
        for record in self.records(for: modules, membersSince: day) + [kept] {
            // A membership that stands keeps the day it began.
            if var membership = record as? Membership,
                let held = try await records.load(Membership.self, id: membership.id, as: .system)
            {
                membership.since = held.value.since
                try await stage(membership, in: records, batch: &batch, applied: &applied)
                continue
            }
            try await stage(record, in: records, batch: &batch, applied: &applied)
        }
        if !batch.isEmpty { try await records.commit(batch, by: principal) }
        return applied
    }

    private func stage<Record: StorableRecord>(
        _ record: Record,
        in records: Records,
        batch: inout RecordBatch,
        applied: inout ProfileApplication
    ) async throws {
        let new = try RecordCoder.encode(record, version: 0)
        guard let held = try await records.store.record(record.reference) else {
            try batch.save(record, version: 0)
            applied.added.append(record.reference)
            return
        }
        // The payload as this build writes it, compared with the stored one re-encoded the same way.
        let stored = try RecordCoder.encode(try RecordCoder.decode(Record.self, from: held).value, version: 0)
        if stored.payload == new.payload {
            applied.unchanged += 1
        } else {
            try batch.save(record, version: held.version)
            applied.changed.append(record.reference)
        }
    }
}
