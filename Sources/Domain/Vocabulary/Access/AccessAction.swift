/// An action a principal takes on a record.
public enum AccessAction: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Read the record.
    case read
    /// Create the record.
    case create
    /// Change the record, including moving it along its lifecycle.
    case update
    /// Delete the record.
    case delete
    /// Moderate: set a moderated rating or grade, accept or return a submission.
    case moderate
    /// Record challenge against the record.
    case challenge
    /// Record a decision on the record, such as the Executive's decision on a finding.
    case decide
    /// Administer the partnership's data: import, export, restore, run the assurance cycle.
    case administer

    /// The action's name.
    public var description: String { rawValue }
}
