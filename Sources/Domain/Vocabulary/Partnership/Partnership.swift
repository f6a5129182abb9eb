/// A local safeguarding children partnership: the local authority, the integrated care board and
/// the police, with the agencies that work with them.
public struct Partnership: StorableRecord, IdentifierKind, Hashable {
    /// The type of the partnership's identifier.
    public typealias ID = Identifier<Partnership>
    /// The noun used in messages.
    public static var noun: String { "partnership" }
    /// `domain.partnership`.
    public static var recordType: RecordType { "domain.partnership" }

    /// The partnership's id.
    public var id: Partnership.ID
    /// The partnership's name.
    public var name: String
    /// The IANA time zone in which the partnership's days begin and end, `Europe/London` in England.
    public var timeZoneIdentifier: String

    /// Creates a partnership.
    public init(id: Partnership.ID, name: String, timeZoneIdentifier: String = "Europe/London") {
        self.id = id
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// Structure is readable by every member of the partnership.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure) }
}
