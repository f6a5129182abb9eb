public import Domain

/// A QA lead's decision not to audit a signal, with the reason.
public struct SpotAuditDecline: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "spot audit decline" }
    /// The type of the decline's identifier.
    public typealias ID = Identifier<SpotAuditDecline>
    /// `audit.spot-audit-decline`.
    public static var recordType: RecordType { "audit.spot-audit-decline" }

    /// The decline's id.
    public var id: SpotAuditDecline.ID
    /// The signal.
    public var signal: Signal.ID
    /// Why no spot audit.
    public var reason: String
    /// Who decided.
    public var by: Principal.ID
    /// When.
    public var on: Day

    /// Creates a decline.
    public init(id: SpotAuditDecline.ID, signal: Signal.ID, reason: String, by: Principal.ID, on: Day) {
        self.id = id
        self.signal = signal
        self.reason = reason
        self.by = by
        self.on = on
    }

    /// Indexed by signal.
    public var index: RecordIndex { RecordIndex(parent: signal.retyped()) }
    /// The audit programme.
    public var accessScope: AccessScope { AccessScope(.auditProgramme) }
}
