// The writers that the adapter's tests run as separate operating-system processes against one
// PostgreSQL database:
//
//   PostgreSQLHarness race CONNINFO NAMESPACE COUNT
//       adds 1 to the counter record COUNT times, each a versioned save that reloads and tries again
//       when another writer got there first; prints `done ATTEMPTS`.
//   PostgreSQLHarness crash CONNINFO NAMESPACE
//       writes batches until it is killed: each batch is several records, the counter record naming the
//       batch and, every third batch, a month's observation, all in one transaction; prints
//       `committed N` after each commit.
import Domain
import Foundation
import PostgreSQLStore

let counter = RecordReference(type: "harness.counter", id: "counter")
let context = ChangeContext(principal: "harness", at: Date(timeIntervalSinceReferenceDate: 800_000_000))

func say(_ line: String) {
    FileHandle.standardOutput.write(Data("\(line)\n".utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("PostgreSQLHarness: \(message)\n".utf8))
    exit(1)
}

func count(in record: StoredRecord) -> Int {
    let object = try? JSONSerialization.jsonObject(with: record.payload) as? [String: Int]
    return object?["count"] ?? 0
}

func race(_ store: PostgreSQLStore, times: Int) async throws {
    var attempts = 0
    for _ in 0..<times {
        while true {
            attempts += 1
            guard var held = try await store.record(counter) else { fail("the counter record is missing") }
            held.payload = Data(#"{"count":\#(count(in: held) + 1)}"#.utf8)
            do {
                try await store.write([.save(held)], context: context)
                break
            } catch let error as DomainError where error.code == .staleWrite {
                continue
            }
        }
    }
    say("done \(attempts)")
}

func crash(_ store: PostgreSQLStore) async throws -> Never {
    var batch = (try await store.record(counter)).map(count(in:)) ?? 0
    var version = try await store.record(counter)?.version ?? 0
    let filler = String(repeating: "x", count: 4000)
    let firstMonth = try ReportingPeriod(parsing: "2000-01")
    while true {
        batch += 1
        let size = 5 + batch % 20
        var writes: [RecordWrite] = (1...size).map { item in
            .save(
                StoredRecord(
                    type: "harness.probe",
                    id: Identifier(rawValue: "b\(batch)-\(item)")!,
                    version: 0,
                    schemaVersion: 1,
                    index: RecordIndex(key: "batch-\(batch)"),
                    payload: Data(#"{"batch":\#(batch),"of":\#(size),"filler":"\#(filler)"}"#.utf8)
                )
            )
        }
        writes.append(
            .save(
                StoredRecord(
                    type: counter.type,
                    id: counter.id,
                    version: version,
                    schemaVersion: 1,
                    index: RecordIndex(),
                    payload: Data(#"{"count":\#(batch)}"#.utf8)
                )
            )
        )
        try await store.write(writes, context: context)
        version += 1
        if batch % 3 == 0 {
            let point = SeriesPoint(period: firstMonth.advanced(by: batch / 3), value: Double(batch))
            try await store.append(
                [ObservationSeries(measure: MeasureID(rawValue: "harness")!, scope: .partnership, points: [point])],
                mode: .insertOnly,
                context: context
            )
        }
        say("committed \(batch)")
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3 else { fail("usage: PostgreSQLHarness race|crash CONNINFO NAMESPACE [COUNT]") }
let store = try await PostgreSQLStore(
    connectingTo: arguments[1],
    options: PostgreSQLStore.Options(maximumConnections: 1, namespace: arguments[2])
)
switch arguments[0] {
case "race":
    guard arguments.count == 4, let times = Int(arguments[3]) else { fail("race needs a COUNT") }
    try await race(store, times: times)
case "crash":
    try await crash(store)
default:
    fail("unknown command \(arguments[0]); expected race or crash")
}
