public import Domain

/// How often a partnership's programme holds an audit of a type, such as a case file audit each
/// quarter: the rule ``ProgrammeCadenceMissedRule`` finds a programme that has missed its turn.
public struct AuditProgrammeCadence: Hashable, Sendable, Codable {
    /// The type of audit the programme holds.
    public var type: AuditType
    /// How often an audit of the type starts its fieldwork.
    public var every: Cadence
    /// The day the programme began, one cadence before its first audit falls due.
    ///
    /// `nil` when the programme starts with its first audit.
    public var from: Day?

    /// Creates a programme's cadence.
    public init(type: AuditType, every: Cadence, from: Day? = nil) {
        self.type = type
        self.every = every
        self.from = from
    }
}

/// A type of audit a partnership runs, or a reason it gives for a theme, with the words its reports
/// use for it.
public struct AuditVocabularyEntry<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The code records carry.
    public var id: Value
    /// The name reports give it, such as `Case file audit`.
    public var label: String

    /// Creates an entry.
    public init(id: Value, label: String) {
        self.id = id
        self.label = label
    }
}
