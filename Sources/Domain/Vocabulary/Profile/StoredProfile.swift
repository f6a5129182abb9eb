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
            escalation: profile.escalation,
            reminders: profile.reminders,
            document: document
        )
    }
}
