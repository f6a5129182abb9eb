import Domain
import Foundation

func concurrentWritersOneWins(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    try await store.write([.save(record("shared"))], context: writer)
    let outcomes = await withTaskGroup(of: String.self) { group in
        for writerNumber in 0..<8 {
            group.addTask {
                do {
                    try await store.write(
                        [.save(record("shared", version: 1, body: #"{"writer":\#(writerNumber)}"#))],
                        context: writer
                    )
                    return "won"
                } catch let error as DomainError where error.code == .staleWrite {
                    return "stale"
                } catch {
                    return "other: \(error)"
                }
            }
        }
        var outcomes: [String] = []
        for await outcome in group { outcomes.append(outcome) }
        return outcomes
    }
    try expect(outcomes.filter { $0 == "won" }.count == 1, "exactly one writer wins, got \(outcomes)")
    try expect(outcomes.filter { $0 == "stale" }.count == 7, "every other writer gets staleWrite, got \(outcomes)")
    try expect(try await store.record(RecordReference(type: "test.thing", id: "shared"))?.version == 2, "version 2")
}

/// Sixteen tasks update four overlapping counters, some two at once in one batch: every write
/// either lands or is refused as stale, and each counter ends at the number of writes that landed.
func racingUpdatesNoneLost(_ store: any RecordStore, _ makeStore: StoreConformance.MakeStore) async throws {
    let counters = (0..<4).map { "counter-\($0)" }
    try await store.write(counters.map { .save(record($0, body: #"{"count":0}"#)) }, context: writer)
    // A lockstep round first: every task reads the same version of one counter before any of them
    // writes, so a store that ignores the version a writer read loses updates whatever the scheduler
    // does. The free-for-all that follows then exercises the store under real contention.
    let barrier = Barrier(parties: 16)
    let lockstep = await withTaskGroup(of: CounterTally.self) { group in
        for _ in 0..<16 {
            group.addTask {
                var tally = CounterTally()
                await tally.increment([counters[0]], in: store) { await barrier.arriveAndWait() }
                return tally
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    let racing = await withTaskGroup(of: CounterTally.self) { group in
        for task in 0..<16 {
            group.addTask {
                var tally = CounterTally()
                for attempt in 0..<25 {
                    // Each task walks the counters in its own order; every fifth write updates two at once.
                    let first = counters[(task + attempt) % 4]
                    let second = counters[(task + attempt + 1 + task % 3) % 4]
                    await tally.increment(attempt % 5 == 0 && first != second ? [first, second] : [first], in: store)
                }
                return tally
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    let tallies = lockstep + racing
    let other = tallies.flatMap(\.other)
    try expect(other.isEmpty, "every write lands or is stale; got \(other.prefix(3))")
    var landed: [String: Int] = [:]
    for tally in tallies { landed.merge(tally.landed, uniquingKeysWith: +) }
    try expect(landed.values.reduce(0, +) > 0, "some writes land")
    for id in counters {
        let held = try await store.record(CounterTally.reference(id))
        let expected = landed[id] ?? 0
        let count = held.map(CounterTally.count)
        try expect(count == expected, "\(id) counts \(count ?? -1) but \(expected) updates landed")
        try expect(held?.version == expected + 1, "\(id) is at version \(held?.version ?? 0) after \(expected) updates")
    }
}

/// What one racing task saw: the updates that landed per counter, the stale refusals, anything else.
struct CounterTally: Sendable {
    var landed: [String: Int] = [:]
    var stale = 0
    var other: [String] = []

    static func reference(_ id: String) -> RecordReference {
        RecordReference(type: "test.thing", id: Identifier(rawValue: id)!)
    }

    static func count(_ stored: StoredRecord) -> Int {
        let object = try? JSONSerialization.jsonObject(with: stored.payload) as? [String: Int]
        return object?["count"] ?? -1
    }

    /// Reads each counter, waits for `beforeWriting`, then adds one to each in a single batch at the
    /// versions read.
    mutating func increment(
        _ targets: [String],
        in store: any RecordStore,
        beforeWriting: () async -> Void = {}
    ) async {
        do {
            var writes: [RecordWrite] = []
            for id in targets {
                guard let held = try await store.record(Self.reference(id)) else {
                    throw Expectation(description: "\(id) is missing")
                }
                writes.append(.save(record(id, version: held.version, body: #"{"count":\#(Self.count(held) + 1)}"#)))
            }
            await beforeWriting()
            try await store.write(writes, context: writer)
            for id in targets { landed[id, default: 0] += 1 }
        } catch let error as DomainError where error.code == .staleWrite {
            stale += 1
        } catch {
            other.append("\(error)")
        }
    }
}

/// Holds every arriving task until the last of `parties` has arrived, then lets them all go.
actor Barrier {
    private let parties: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var arrived = 0

    init(parties: Int) { self.parties = parties }

    func arriveAndWait() async {
        arrived += 1
        if arrived == parties {
            for continuation in waiting { continuation.resume() }
            waiting.removeAll()
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}
