import Domain
import Foundation
import Testing

/// The words every store refuses bad writes in: a store written in another package throws these
/// errors, and the conformance suite expects them, so a change of wording is a change here first.
struct StoreRulesTests {
    static let contacts = ObservationSeries(measure: "contacts", scope: .partnership, points: [])
    static let february = try! ReportingPeriod(parsing: "2025-02")

    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? DomainError)?.description
        }
    }

    @Test func staleWritesNameTheRecordAndBothVersions() {
        let reference = RecordReference(type: "test.thing", id: "a")
        #expect(
            StoreRules.stale(reference, expected: 1, held: 2).description
                == "staleWrite: test.thing/a was written against version 1 but the store holds version 2; "
                + "reload it and apply the change again"
        )
        #expect(
            StoreRules.stale(reference, expected: 0, held: 1).description
                == "staleWrite: test.thing/a was saved as a new record but the store holds version 1; "
                + "reload it and apply the change again"
        )
        #expect(
            StoreRules.stale(reference, expected: 3, held: nil).description
                == "staleWrite: test.thing/a was written against version 3 but the store holds no such record; "
                + "reload it and apply the change again"
        )
    }

    @Test func recordsNeedAVersionAndASchemaVersion() {
        let record = StoredRecord(
            type: "test.thing",
            id: "a",
            version: -1,
            schemaVersion: 1,
            index: RecordIndex(),
            payload: Data()
        )
        #expect(
            Self.message { try StoreRules.validate(record) }
                == "invalidInput: test.thing/a has version -1; expected 0 or more"
        )
        var unversioned = record
        unversioned.version = 0
        unversioned.schemaVersion = 0
        #expect(
            Self.message { try StoreRules.validate(unversioned) }
                == "invalidInput: test.thing/a has schema version 0; expected 1 or more"
        )
        unversioned.schemaVersion = 1
        #expect(Self.message { try StoreRules.validate(unversioned) } == nil)
    }

    @Test func observationsAreFiniteAndASymbolStandsAlone() {
        let nan = SeriesPoint(period: Self.february, value: .nan)
        #expect(
            Self.message { try StoreRules.validate(nan, in: Self.contacts) }
                == "invalidInput: observation of contacts for partnership in 2025-02 has value nan; "
                + "expected a finite number"
        )
        let both = SeriesPoint(period: Self.february, value: 3, status: .symbol(.c))
        #expect(
            Self.message { try StoreRules.validate(both, in: Self.contacts) }
                == "invalidInput: observation of contacts for partnership in 2025-02 has the symbol c and a value; "
                + "a symbol stands in place of the value"
        )
        #expect(
            StoreRules.duplicateObservation(Self.contacts, Self.february).description
                == "duplicate: observation of contacts for partnership in 2025-02 is already held; "
                + "append with replaceExisting to replace it"
        )
        #expect(
            StoreRules.repeatedPeriod(Self.contacts, Self.february).description
                == "duplicate: observation of contacts for partnership in 2025-02 appears twice in one batch"
        )
    }

    @Test func aRestoreNeedsAnEmptyStoreAndAWellFormedBackup() {
        #expect(
            StoreRules.notEmpty(records: 1, series: 0, changes: 1).description
                == "invalidInput: the store is not empty (1 records, 0 observation series, 1 change-log entries); "
                + "restore only into an empty store"
        )
        let entry = ChangeLogEntry(
            sequence: 2,
            at: Date(timeIntervalSince1970: 0),
            principal: "p",
            kind: .created,
            record: RecordReference(type: "test.thing", id: "a"),
            version: 1
        )
        var first = entry
        first.sequence = 1
        let disordered = StoreSnapshot(records: [], series: [], changeLog: [entry, first])
        #expect(
            Self.message { try StoreRules.validate(disordered) }
                == "invalidInput: the backup's change log is out of order at entry 1 (after 2); "
                + "expected increasing sequence numbers"
        )
    }
}
