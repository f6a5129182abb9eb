/// The kind of a measure's identifier.
public enum MeasureKind: IdentifierKind, Sendable {
    /// The noun used in messages.
    public static var noun: String { "measure" }
}

/// A measure's id, such as `mash-contacts` or `dfe-re-referrals-12m`.
public typealias MeasureID = Identifier<MeasureKind>

/// The part of the framework a measure serves, such as the MASH's measures or training take-up:
/// report sections and rules find the measures they need by role, never by id, so a partnership's
/// catalogue may call its measures what it likes and say which role each plays.
public typealias MeasureRole = Code<CodeKinds.MeasureRole>

extension CodeKinds {
    /// What a measure role names.
    public enum MeasureRole: CodeKind {}
}

extension Code where Kind == CodeKinds.MeasureRole {
    /// The MASH's measures: its contacts, decisions and timeliness, for the MASH's quarterly report.
    public static var mash: MeasureRole { "mash" }
    /// Child protection conferences' and plans' measures, for the conference chairs' quarterly report.
    public static var childProtectionConferences: MeasureRole { "child-protection-conferences" }
    /// The take-up of multi-agency training places, which the learning and development programme
    /// computes from attendance.
    public static var trainingTakeUp: MeasureRole { "training-take-up" }

    /// The roles the package's sections and rules look for.
    public static var known: [MeasureRole] { [.mash, .childProtectionConferences, .trainingTakeUp] }
}

/// What other modules need to know of a measure the partnership's catalogue defines: its name, the
/// unit its values are written in, and the roles it plays.
///
/// The Measures module describes its catalogue's measures (``AssuranceModule/measureDescriptions``);
/// a view carries them, so that a priorities table names a measure by its title and the learning
/// programme finds the take-up measure by its role.
public struct MeasureDescription: Hashable, Sendable {
    /// The measure's id.
    public var id: MeasureID
    /// Its name, such as `Contacts converted to referrals`.
    public var name: String
    /// What is written after a value, such as `%` or ` days`; empty for a count.
    public var unitSuffix: String
    /// The roles it plays.
    public var roles: [MeasureRole]

    /// Creates a description.
    public init(id: MeasureID, name: String, unitSuffix: String = "", roles: [MeasureRole] = []) {
        self.id = id
        self.name = name
        self.unitSuffix = unitSuffix
        self.roles = roles
    }
}
