public import Foundation

/// The seams a module works through: storage, the clock, identifiers, the working-day calendar,
/// the partnership's time zone and the access policy.
///
/// Every seam has a default that works, so `AssuranceEnvironment()` is a complete in-memory setup;
/// tests replace the clock and identifiers, and hosts replace the store and the policy:
///
/// ```swift
/// let environment = AssuranceEnvironment(
///     store: try SQLiteStore(path: "partnership.sqlite"),
///     clock: .system,
///     ids: .random
/// )
/// ```
public struct AssuranceEnvironment: Sendable {
    /// Where records are kept.
    public var store: any RecordStore
    /// The current time.
    public var clock: DateSource
    /// New identifiers.
    public var ids: IDGenerator
    /// Which days are working days.
    public var calendar: any WorkingDayCalendar
    /// The time zone in which the partnership's days begin and end.
    public var timeZone: TimeZone
    /// Who may do what.
    public var access: any AccessPolicy
    /// Records already decoded, shared by every view and write through this environment.
    public var decodedRecords: DecodedRecordCache

    /// Creates an environment; every seam left out takes its default.
    public init(
        store: any RecordStore = InMemoryStore(),
        clock: DateSource = .system,
        ids: IDGenerator = .random,
        calendar: any WorkingDayCalendar = EnglandAndWalesCalendar(),
        timeZone: TimeZone = .england,
        access: any AccessPolicy = RolePolicy(),
        decodedRecords: DecodedRecordCache = DecodedRecordCache()
    ) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.calendar = calendar
        self.timeZone = timeZone
        self.access = access
        self.decodedRecords = decodedRecords
    }

    /// Typed, access-checked access to the store, stamped by the clock.
    public var records: Records { Records(store: store, access: access, clock: clock, decodedRecords: decodedRecords) }

    /// Today, in the partnership's time zone.
    public func today() -> Day { clock.today(in: timeZone) }
}

extension TimeZone {
    /// `Europe/London`, the time zone of partnerships in England.
    public static var england: TimeZone { TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)! }
}
