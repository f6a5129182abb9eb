/// What the access policy needs to know about a record: its category and whose it is.
public struct AccessScope: Hashable, Sendable {
    /// The record's category.
    public var category: RecordCategory
    /// The agency the record belongs to, if it belongs to one.
    public var agency: Agency.ID?
    /// The group the record belongs to, if it belongs to one.
    public var group: Group.ID?

    /// Creates a scope.
    public init(_ category: RecordCategory, agency: Agency.ID? = nil, group: Group.ID? = nil) {
        self.category = category
        self.agency = agency
        self.group = group
    }
}
