import AssuranceTesting
import Domain
import Foundation
import PostgreSQLStore
import Testing

/// The README's "Many partnerships on one server": each request routed to its partnership's store,
/// one schema each, opened once and shared.
///
/// A host serving many partnerships keeps this (or its own) beside its web framework's routing.
actor PartnershipStores {
    private let conninfo: String
    private let connectionsEach: Int
    private var stores: [String: Task<PostgreSQLStore, any Error>] = [:]

    /// - Parameters:
    ///   - conninfo: The server, as a libpq connection string.
    ///   - connectionsEach: The most connections one partnership's store holds open.
    init(conninfo: String, connectionsEach: Int = 2) {
        self.conninfo = conninfo
        self.connectionsEach = connectionsEach
    }

    /// The store of the partnership with a code (`devon`, `p001`), in the schema `qaf_<code>`:
    /// opened (and created or migrated) on its first request, and the same store for every request
    /// after, however many arrive at once.
    func store(for partnership: String) async throws -> PostgreSQLStore {
        if let opening = stores[partnership] { return try await opening.value }
        let options = PostgreSQLStore.Options(maximumConnections: connectionsEach, namespace: "qaf_\(partnership)")
        let opening = Task { [conninfo] in try await PostgreSQLStore(connectingTo: conninfo, options: options) }
        stores[partnership] = opening
        do {
            return try await opening.value
        } catch {
            // A failed open is tried again by the next request (unless one has already begun).
            if stores[partnership] == opening { stores[partnership] = nil }
            throw error
        }
    }

    /// Closes every store, when the host shuts down.
    func closeAll() async {
        for opening in stores.values { await (try? await opening.value)?.close() }
        stores = [:]
    }
}

@Suite struct RoutingTests {
    @Test func eachPartnershipsRequestsReachItsOwnSchemaAndNoOther() async throws {
        let run = TestServer.freshNamespace("r")
        let north = "\(run)_north"
        let south = "\(run)_south"
        let router = PartnershipStores(conninfo: try TestServer.conninfo())

        // Requests for one partnership arriving at once share one store.
        async let first = router.store(for: north)
        async let second = router.store(for: north)
        let (a, b) = try await (first, second)
        #expect(a === b)
        #expect(a.options.namespace == "qaf_\(north)")

        let records = Records(
            store: try await router.store(for: north),
            clock: .constant(Date(timeIntervalSince1970: 0))
        )
        try await records.save(
            Agency(id: "police", name: "North Police", sector: .police, isStatutoryPartner: true),
            version: 0,
            by: .system
        )

        let northAgencies = try await router.store(for: north).records(matching: RecordQuery(Agency.recordType))
        let southAgencies = try await router.store(for: south).records(matching: RecordQuery(Agency.recordType))
        #expect(northAgencies.map(\.id.rawValue) == ["police"])
        #expect(southAgencies.isEmpty)
        #expect(try await router.store(for: south) !== a)
        await router.closeAll()
    }

    @Test func aRequestRunsInItsPartnershipsOwnFramework() async throws {
        let stores = PartnershipStores(conninfo: try TestServer.conninfo())
        let moduleTypes: [any ProfileConfigurable.Type] = [PartnershipModule.self]
        func profile(of partnership: String) throws -> PartnershipProfile {
            PartnershipProfile.starter(modules: moduleTypes)
        }
        let session = (partnership: TestServer.freshNamespace("s"), principal: PartnershipScenario.qaLead)

        // In a request handler: the partnership's store, and a framework from its own profile.
        let store = try await stores.store(for: session.partnership)
        let framework = try AssuranceFramework(
            profile: try profile(of: session.partnership),
            modules: moduleTypes,
            environment: AssuranceEnvironment(store: store, clock: .system, ids: .random)
        )

        try await PartnershipScenario.small(from: .fixture("2025-03-01")).save(into: framework.environment.records)
        let outcome = try await framework.runCycle(on: .fixture("2025-09-15"), by: session.principal)
        #expect(outcome.raised.count == 3)
        let findings = try await store.records(matching: RecordQuery(Finding.recordType))
        #expect(findings.count == 3)
        await stores.closeAll()
    }

    @Test func aFailedOpenIsTriedAgainByTheNextRequest() async throws {
        let west = TestServer.freshNamespace("west")
        let router = PartnershipStores(conninfo: try TestServer.conninfo())
        // The partnership's schema holds another application's table, so its store is refused…
        try await TestServer.execute("CREATE SCHEMA qaf_\(west); CREATE TABLE qaf_\(west).invoices (id integer)")
        await #expect(throws: DomainError.self) { try await router.store(for: west) }
        // …until the database team moves it, after which the next request opens the store.
        try await TestServer.execute("DROP TABLE qaf_\(west).invoices")
        let store = try await router.store(for: west)
        #expect(store.options.namespace == "qaf_\(west)")
        await router.closeAll()
    }
}
