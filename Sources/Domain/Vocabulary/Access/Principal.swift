/// Someone (or something) acting on the partnership's records: the host supplies who is acting.
///
/// Every mutating API takes the acting principal, and the change log records it.
public struct Principal: Hashable, Sendable, Codable, Identifiable, IdentifierKind, CustomStringConvertible {
    /// The type of the principal's identifier.
    public typealias ID = Identifier<Principal>
    /// The noun used in messages.
    public static var noun: String { "principal" }

    /// The principal's id, chosen by the host.
    public var id: Principal.ID
    /// The roles the principal holds.
    public var roles: [Role]

    /// Creates a principal.
    public init(id: Principal.ID, roles: [Role]) {
        self.id = id
        self.roles = roles
    }

    /// The package itself, acting in the assurance cycle: raising, resolving and escalating findings.
    public static let system = Principal(id: "system", roles: [.system])

    /// The id and roles, such as `"jo" (agency lead for police)`, as error messages quote them.
    public var description: String {
        let roleText = roles.isEmpty ? "no role" : roles.map(\.description).joined(separator: ", ")
        return "\(DomainError.quote(id.rawValue)) (\(roleText))"
    }
}
