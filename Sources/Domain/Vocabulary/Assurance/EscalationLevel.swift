/// The level of the partnership that must act on a finding.
public enum EscalationLevel: String, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The agency concerned.
    case agency
    /// The sub-group that owns the work.
    case subGroup = "sub-group"
    /// The Practice Development Group.
    case practiceDevelopmentGroup = "practice-development-group"
    /// The Executive.
    case executive

    /// The level's name.
    public var description: String {
        switch self {
        case .agency: "Agency"
        case .subGroup: "Sub-group"
        case .practiceDevelopmentGroup: "Practice Development Group"
        case .executive: "Executive"
        }
    }

    /// The level above, or `nil` at the Executive.
    public var next: EscalationLevel? {
        let all = Self.allCases
        let position = all.firstIndex(of: self)!
        return position + 1 < all.count ? all[position + 1] : nil
    }

    /// Orders from the agency up to the Executive.
    public static func < (lhs: EscalationLevel, rhs: EscalationLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
