/// A meeting of a group, with the agencies invited and the agencies that attended.
public struct Meeting: StorableRecord, IdentifierKind, Hashable {
    /// The type of the meeting's identifier.
    public typealias ID = Identifier<Meeting>
    /// The noun used in messages.
    public static var noun: String { "meeting" }
    /// `domain.meeting`.
    public static var recordType: RecordType { "domain.meeting" }

    /// The meeting's id.
    public var id: Meeting.ID
    /// The group that met.
    public var group: Group.ID
    /// The day of the meeting.
    public var day: Day
    /// The agencies invited, in id order.
    public var invited: [Agency.ID]
    /// The agencies that attended, in id order.
    public var attended: [Agency.ID]

    /// Creates a meeting; the agency lists are kept sorted and without repeats.
    public init(id: Meeting.ID, group: Group.ID, day: Day, invited: [Agency.ID], attended: [Agency.ID]) {
        self.id = id
        self.group = group
        self.day = day
        self.invited = Array(Set(invited)).sorted()
        self.attended = Array(Set(attended)).sorted()
    }

    /// Indexed by group and the month of the meeting.
    public var index: RecordIndex {
        RecordIndex(group: group, period: .containing(day, kind: .month))
    }
    /// Structure, scoped to the group.
    public var accessScope: AccessScope { AccessScope(.partnershipStructure, group: group) }
}
