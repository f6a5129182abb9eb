import Domain
import Foundation

@testable import PostgreSQLStore

/// The server the tests run against: the one `Scripts/postgres.sh` starts, named by `QAF_POSTGRES`.
enum TestServer {
    struct NotStarted: Error, CustomStringConvertible {
        var description: String {
            "QAF_POSTGRES is not set: run the adapter's tests against a server, "
                + "as `Scripts/postgres.sh swift test --package-path Adapters/PostgreSQLStore` does"
        }
    }

    static func conninfo() throws -> String {
        guard let conninfo = ProcessInfo.processInfo.environment["QAF_POSTGRES"], !conninfo.isEmpty else {
            throw NotStarted()
        }
        return conninfo
    }

    /// A schema name no other test uses, so that each test has an empty store of its own.
    static func freshNamespace(_ purpose: String = "t") -> String {
        "\(purpose)_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
    }

    /// A new, empty store in a schema of its own.
    static func store(
        namespace: String = freshNamespace(),
        schema: [RecordType: Int] = [:],
        connections: Int = 4
    ) async throws -> PostgreSQLStore {
        try await PostgreSQLStore(
            connectingTo: try conninfo(),
            options: PostgreSQLStore.Options(maximumConnections: connections, namespace: namespace),
            schema: schema
        )
    }

    /// Runs SQL with no values as the connection string's role, in a schema, as a database team would.
    static func execute(_ sql: String, namespace: String? = nil, conninfo given: String? = nil) async throws {
        let connection = try await Connection.open(try given ?? conninfo(), label: "test")
        try await connection.run { connection in
            if let namespace {
                try connection.execute(
                    plain: "SET search_path TO \(try connection.quoted(identifier: namespace))",
                    while: "choosing the schema"
                )
            }
            try connection.execute(plain: sql, while: "running the test's SQL")
        }
    }

    /// The first column of each row a query returns, as text.
    static func texts(_ sql: String) async throws -> [String] {
        let connection = try await Connection.open(try conninfo(), label: "test")
        return try await connection.run { connection in
            let result = try connection.execute(sql, while: "running the test's query")
            return (0..<result.count).compactMap { result.text($0, 0) }
        }
    }

    /// Waits until the server holds no session of an application name, so that a killed client's
    /// transaction has committed or rolled back before a test looks.
    ///
    /// A client killed after it sent `COMMIT` leaves the server to finish that transaction on its own; a
    /// check that read in two statements could otherwise see a batch's log entries and not its records.
    static func waitForSessionsToEnd(applicationName: String, within seconds: Double = 30) async throws {
        let connection = try await Connection.open(try conninfo(), label: "test")
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let open = try await connection.run { connection in
                try connection.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
                    [.text(applicationName)],
                    while: "counting the sessions of \(applicationName)"
                ).integer(0, 0) ?? 0
            }
            if open == 0 { return }
            guard Date() < deadline else {
                throw DomainError(
                    .storeFailed,
                    "\(open) server sessions of \(applicationName) were still open after \(seconds) s"
                )
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The path of an executable built beside the tests.
    static func executable(_ name: String) throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw DomainError(.notFound, "no \(name) built beside \(CommandLine.arguments[0])")
    }
}

/// A record for the tests, with a body of JSON.
func thing(_ id: String, version: Int = 0, key: String? = nil, body: String = #"{"v":1}"#) -> StoredRecord {
    StoredRecord(
        type: "test.thing",
        id: Identifier(rawValue: id)!,
        version: version,
        schemaVersion: 1,
        index: RecordIndex(key: key),
        payload: Data(body.utf8)
    )
}

let tester = ChangeContext(principal: "tester", at: Date(timeIntervalSinceReferenceDate: 790_000_000))
