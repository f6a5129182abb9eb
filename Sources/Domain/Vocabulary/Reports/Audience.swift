/// Who a report is for, which decides what it may disclose.
public enum Audience: String, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The partnership's own officers: everything.
    case `internal`
    /// The partners' boards and groups: everything but case references.
    case partnership
    /// The public: small numbers suppressed, no case references, no agency-level Section 11 ratings.
    case `public`

    /// The audience's name.
    public var description: String { rawValue }

    /// Orders from the most to the least trusted.
    public static func < (lhs: Audience, rhs: Audience) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
