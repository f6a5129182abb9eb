public import Domain
import Foundation

/// The conformance suite for `RecordStore`: run it against your own store to show it keeps the
/// package's promises (versions, atomic batches, the change log, the bulk path, backups).
///
/// It works with any test framework: ``run()`` throws a ``StoreConformanceFailure`` that lists every
/// check that failed and why.
///
/// ```swift
/// @Test func myStoreConforms() async throws {
///     try await StoreConformance { try await MyDatabaseStore.temporary() }.run()
/// }
/// ```
public struct StoreConformance: Sendable {
    /// Makes a new, empty store for one check.
    public typealias MakeStore = @Sendable () async throws -> any RecordStore

    /// One check of the suite.
    public struct Check: Sendable, CustomStringConvertible {
        /// The check's name.
        public let name: String
        fileprivate let body: @Sendable (any RecordStore, MakeStore) async throws -> Void

        /// The check's name.
        public var description: String { name }
    }

    private let makeStore: MakeStore

    /// Creates the suite over a store factory; each check gets a store of its own.
    public init(makeStore: @escaping MakeStore) {
        self.makeStore = makeStore
    }

    /// Runs every check.
    ///
    /// - Throws: ``StoreConformanceFailure`` listing each failed check and its reason.
    public func run() async throws {
        var failures: [StoreConformanceFailure.Failure] = []
        for check in Self.checks {
            do {
                try await check.body(try await makeStore(), makeStore)
            } catch {
                failures.append(.init(check: check.name, reason: "\(error)"))
            }
        }
        if !failures.isEmpty { throw StoreConformanceFailure(failures: failures) }
    }

    /// Runs one check by name.
    ///
    /// - Throws: ``StoreConformanceFailure`` when it fails or no check has the name.
    public func run(_ name: String) async throws {
        guard let check = Self.checks.first(where: { $0.name == name }) else {
            throw StoreConformanceFailure(failures: [.init(check: name, reason: "no such check")])
        }
        do {
            try await check.body(try await makeStore(), makeStore)
        } catch {
            throw StoreConformanceFailure(failures: [.init(check: name, reason: "\(error)")])
        }
    }

    /// The names of every check, in the order they run.
    public static var checkNames: [String] { checks.map(\.name) }

    static let checks: [Check] = [
        Check(name: "save and load", body: saveAndLoad),
        Check(name: "update increments the version", body: updateIncrementsVersion),
        Check(name: "stale write refused", body: staleWriteRefused),
        Check(name: "saving an existing record as new refused", body: newRecordThatExistsRefused),
        Check(name: "delete", body: deleteChecksVersion),
        Check(name: "transaction rolls back", body: transactionRollsBack),
        Check(name: "one record twice in a batch", body: sameRecordTwiceInBatch),
        Check(name: "query by indexed fields", body: queryByIndexedFields),
        Check(name: "pages read what a whole read reads", body: pagesReadWhatAWholeReadReads),
        Check(name: "bad records refused", body: badRecordsRefused),
        Check(name: "change log", body: changeLogRecordsEveryWrite),
        Check(name: "change log is append-only", body: changeLogIsAppendOnly),
        Check(name: "concurrent writers: one wins", body: concurrentWritersOneWins),
        Check(name: "racing updates: none lost", body: racingUpdatesNoneLost),
        Check(name: "stored schema versions", body: storedSchemaVersions),
        Check(name: "schema too new refused", body: schemaTooNewRefused),
        Check(name: "older schema migrated on load", body: olderSchemaMigrated),
        Check(name: "observations: insert, refuse duplicates, replace", body: observationsAppend),
        Check(name: "observations: query and order", body: observationsQuery),
        Check(name: "observations: bad values refused", body: observationsRefuseBadValues),
        Check(name: "observations: a symbol beside a value refused", body: observationsRefuseSymbolWithValue),
        Check(name: "observations: a series twice in one append refused", body: observationsSeriesTwiceRefused),
        Check(name: "records and observations in one transaction", body: recordsAndObservationsInOneTransaction),
        Check(name: "snapshot and restore", body: snapshotAndRestore),
        Check(name: "restore into a non-empty store refused", body: restoreIntoNonEmptyRefused),
        Check(name: "malformed backup refused", body: malformedBackupRefused),
        Check(name: "change log chained alike", body: changeLogChained),
        Check(name: "tampered backup refused", body: tamperedBackupRefused),
        Check(name: "indexed texts refused alike", body: indexedTextsRefusedAlike),
        Check(name: "random payload bytes survive the store and a backup", body: randomPayloadsSurvive),
    ]
}

/// The checks of a ``StoreConformance`` run that failed.
public struct StoreConformanceFailure: Error, CustomStringConvertible {
    /// One failed check.
    public struct Failure: Sendable {
        /// The check's name.
        public var check: String
        /// Why it failed.
        public var reason: String
    }

    /// Every failed check.
    public var failures: [Failure]

    /// One line per failed check.
    public var description: String {
        "\(failures.count) store conformance check(s) failed:\n"
            + failures.map { "- \($0.check): \($0.reason)" }.joined(separator: "\n")
    }
}
