/// What a check of a store's integrity found: the change log's chain, each record and series
/// against its last log entry, and every stored value read back.
///
/// ```swift
/// let verification = await StoreVerification.of(store)
/// for problem in verification.problems { print(problem) }
/// ```
///
/// A host runs it on a schedule (a nightly job, say) and keeps ``head`` somewhere the store's
/// writers cannot reach: the chain shows any edit, removal or insertion made by someone who could
/// not recompute every hash after it, and a head kept elsewhere shows a log rewritten from the point
/// of change onwards too.
public struct StoreVerification: Hashable, Sendable {
    /// One thing found wrong, with where it is.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// Where: `change log entry 12`, `record section11.return/…`, `series … for …`, or `store`.
        public var location: String
        /// What is wrong, and what it means.
        public var message: String

        /// Creates a problem.
        public init(location: String, message: String) {
            self.location = location
            self.message = message
        }

        /// `location: message`.
        public var description: String { "\(location): \(message)" }
    }

    /// Everything found wrong, in the order checked: the chain, then records, then series.
    public var problems: [Problem]
    /// The number of change-log entries checked.
    public var entries: Int
    /// The number of records checked.
    public var records: Int
    /// The number of observation series checked.
    public var series: Int
    /// The entries written before the log was chained, which record no content: a record whose last
    /// entry is one of them is checked by version only.
    public var entriesWithoutContent: Int
    /// The last entry's hash: kept outside the store, it shows a rewritten log too.
    public var head: ChangeLogDigest?

    /// Whether nothing was found wrong.
    public var isSound: Bool { problems.isEmpty }

    /// What was checked, as a tool reports it: `4623 change-log entries, 3867 records and 303
    /// observation series`, and how many entries were written before the log was chained, if any.
    public var summary: String {
        let checked = "\(entries) change-log entries, \(records) records and \(series) observation series"
        guard entriesWithoutContent > 0 else { return checked }
        return checked + "; \(entriesWithoutContent) entries were written before the log was chained and record "
            + "no content (their records are checked by version)"
    }

    /// Checks a store: reads everything (a value that does not decode is a problem) and checks it
    /// as ``of(_:)-(StoreSnapshot)`` does.
    public static func of(_ store: any RecordStore) async -> StoreVerification {
        do {
            return of(try await store.snapshot())
        } catch {
            let message = (error as? DomainError)?.message ?? "\(error)"
            return StoreVerification(
                problems: [Problem(location: "store", message: "cannot be read whole: \(message)")],
                entries: 0,
                records: 0,
                series: 0,
                entriesWithoutContent: 0,
                head: nil
            )
        }
    }

    /// Checks a store's content, or a backup's before it is written or restored.
    ///
    /// The change log must number its entries 1, 2, 3… without a gap, and each entry's hash must be
    /// the one ``ChangeLogChain`` gives after the entry before it. Each record must have been
    /// written last by an entry that recorded its version and content; each entry whose record is
    /// still live must have its record; each series must match its last append.
    public static func of(_ snapshot: StoreSnapshot) -> StoreVerification {
        var problems: [Problem] = []
        var last: [RecordReference: ChangeLogEntry] = [:]
        last.reserveCapacity(snapshot.records.count)
        let withoutContent = checkChain(snapshot.changeLog, problems: &problems, last: &last)
        for record in snapshot.records {
            let reference = record.reference
            check(
                reference,
                "record \(reference)",
                version: record.version,
                content: { ChangeLogChain.contentDigest(of: record) },
                against: last.removeValue(forKey: reference),
                problems: &problems
            )
        }
        var seriesChecked = 0
        for held in snapshot.series where held.version > 0 || !held.series.points.isEmpty {
            seriesChecked += 1
            let reference = RecordReference(type: .observationSeries, id: held.series.changeLogID)
            check(
                reference,
                "series of \(held.series.measure) for \(held.series.scope)",
                version: held.version,
                content: { ChangeLogChain.contentDigest(of: held.series.points) },
                against: last.removeValue(forKey: reference),
                problems: &problems
            )
        }
        for (reference, entry) in last.sorted(by: { $0.value.sequence < $1.value.sequence })
        where entry.kind != .deleted {
            let what = reference.type == .observationSeries ? "series \(reference.id)" : "record \(reference)"
            problems.append(
                Problem(
                    location: what,
                    message: "change log entry \(entry.sequence) wrote version \(entry.version) and no entry "
                        + "deleted it, but the store does not hold it: it was removed outside the store"
                )
            )
        }
        return StoreVerification(
            problems: problems,
            entries: snapshot.changeLog.count,
            records: snapshot.records.count,
            series: seriesChecked,
            entriesWithoutContent: withoutContent,
            head: snapshot.changeLog.last?.hash
        )
    }

    private static func checkChain(
        _ log: [ChangeLogEntry],
        problems: inout [Problem],
        last: inout [RecordReference: ChangeLogEntry]
    ) -> Int {
        var previous = ChangeLogChain.origin
        var expected = 1
        var withoutContent = 0
        for entry in log {
            let location = "change log entry \(entry.sequence)"
            if entry.sequence != expected {
                let missing =
                    entry.sequence > expected
                    ? (entry.sequence - 1 == expected
                        ? "entry \(expected) is missing" : "entries \(expected)–\(entry.sequence - 1) are missing")
                    : "it repeats or goes back from entry \(expected - 1)"
                problems.append(Problem(location: location, message: "\(missing): the log was cut or reordered"))
            }
            expected = entry.sequence + 1
            if entry.contentDigest == nil { withoutContent += 1 }
            if let hash = entry.hash {
                if ChangeLogChain.hash(of: entry, after: previous) != hash {
                    problems.append(
                        Problem(
                            location: location,
                            message: "does not match its hash: the entry was edited, or one before it was "
                                + "removed or inserted"
                        )
                    )
                }
                previous = hash
            } else {
                problems.append(
                    Problem(location: location, message: "carries no hash: it was not sealed into the chain")
                )
            }
            last[entry.record] = entry
        }
        return withoutContent
    }

    private static func check(
        _ reference: RecordReference,
        _ what: String,
        version: Int,
        content: () -> ChangeLogDigest,
        against entry: ChangeLogEntry?,
        problems: inout [Problem]
    ) {
        guard let entry else {
            problems.append(
                Problem(location: what, message: "has no change-log entry: it was written outside the store")
            )
            return
        }
        guard entry.kind != .deleted else {
            problems.append(
                Problem(
                    location: what,
                    message: "change log entry \(entry.sequence) deleted it, but the store holds it: it was put "
                        + "back outside the store"
                )
            )
            return
        }
        guard entry.version == version else {
            problems.append(
                Problem(
                    location: what,
                    message: "is at version \(version) but its last change-log entry (\(entry.sequence)) wrote "
                        + "version \(entry.version): it was changed outside the store"
                )
            )
            return
        }
        if let recorded = entry.contentDigest, recorded != content() {
            problems.append(
                Problem(
                    location: what,
                    message: "differs from what change log entry \(entry.sequence) wrote at version \(version): "
                        + "it was changed outside the store"
                )
            )
        }
    }
}
