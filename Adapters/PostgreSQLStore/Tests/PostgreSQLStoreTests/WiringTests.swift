import AssuranceTesting
import Domain
import Foundation
import PostgreSQLStore
import Testing

/// What the README shows a host: the store wired into an environment, and an application's role.
@Suite struct WiringTests {
    @Test func aHostWiresTheStoreIntoItsEnvironment() async throws {
        let conninfo = try TestServer.conninfo()
        let modules: [any AssuranceModule] = [PartnershipModule()]
        let day = Day.fixture("2025-09-15")
        try await TestServer.execute("DROP SCHEMA IF EXISTS safeguarding CASCADE")

        let framework = try AssuranceFramework(modules: modules)
        let store = try await PostgreSQLStore(
            connectingTo: conninfo,
            options: PostgreSQLStore.Options(maximumConnections: 8, namespace: "safeguarding"),
            schema: framework.schemaVersions
        )
        let environment = AssuranceEnvironment(store: store, clock: .system, ids: .random)
        let configured = try AssuranceFramework(modules: modules, environment: environment)

        try await PartnershipScenario.small(from: .fixture("2025-03-01")).save(into: environment.records)
        let outcome = try await configured.runCycle(on: day, by: PartnershipScenario.qaLead)
        #expect(outcome.raised.count == 3)
    }

    @Test func anApplicationRoleIsGrantedWhatItNeedsByTheOwner() async throws {
        let conninfo = try TestServer.conninfo()
        let namespace = TestServer.freshNamespace("roles")
        let role = TestServer.freshNamespace("app")
        try await TestServer.execute("CREATE ROLE \(role) LOGIN")

        // The owner opens the store first (creating or migrating it), then grants the application's role.
        let owner = try await PostgreSQLStore(connectingTo: conninfo, options: .init(namespace: namespace))
        try await owner.grantAccess(to: role)
        // The application connects as its role and never builds or migrates the store.
        let application = try await PostgreSQLStore(
            connectingTo: conninfo + " user=\(role)",
            options: .init(namespace: namespace, createIfEmpty: false)
        )

        try await application.write([.save(thing("a"))], context: tester)
        #expect(try await owner.record(RecordReference(type: "test.thing", id: "a"))?.version == 1)
    }

    @Test func anApplicationRoleCannotBuildTheStore() async throws {
        let conninfo = try TestServer.conninfo()
        let role = TestServer.freshNamespace("app")
        try await TestServer.execute("CREATE ROLE \(role) LOGIN")
        await #expect {
            try await PostgreSQLStore(
                connectingTo: conninfo + " user=\(role)",
                options: .init(namespace: TestServer.freshNamespace("empty"), createIfEmpty: false)
            )
        } throws: { error in
            (error as? DomainError)?.code == .notFound && "\(error)".contains("holds no store")
        }
    }
}
