// swift-tools-version: 6.2
// A RecordStore on a PostgreSQL server, in a package of its own so that the root package never needs
// libpq. It links the PostgreSQL C client library through a system-library target, as the root
// package links SQLite, and depends on nothing else but the root package.
import PackageDescription

/// What the executables compose: every module of the package and SQLite beside PostgreSQL.
let everyModule: [Target.Dependency] = [
    "Domain", "Section11", "Audit", "Measures", "Learning", "Reporting", "SQLiteStore",
]
.map { .product(name: $0, package: "swift-safeguarding-qa") }

let package = Package(
    name: "PostgreSQLStore",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PostgreSQLStore", targets: ["PostgreSQLStore"]),
        .executable(name: "qaf-postgres", targets: ["qaf-postgres"]),
    ],
    dependencies: [
        // Depending by path, the package is named by the `name:` given here, whatever its folder is called.
        .package(name: "swift-safeguarding-qa", path: "../..")
    ],
    targets: [
        // libpq: Debian `libpq-dev`, Homebrew `libpq`.
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(
            name: "PostgreSQLStore",
            dependencies: ["CLibPQ", .product(name: "Domain", package: "swift-safeguarding-qa")]
        ),
        // Runs the assurance cycle and writes reports from a PostgreSQL database; restores and exports backups.
        .executableTarget(
            name: "qaf-postgres",
            dependencies: ["PostgreSQLStore"] + everyModule
        ),
        // The writers that the tests race and kill, as separate operating-system processes.
        .executableTarget(
            name: "PostgreSQLHarness",
            dependencies: ["PostgreSQLStore", .product(name: "Domain", package: "swift-safeguarding-qa")]
        ),
        // The store benchmarks on PostgreSQL beside SQLite, with psql's \copy as the peer for bulk loading,
        // and the national pipeline with a schema for each partnership.
        .executableTarget(
            name: "PostgreSQLBenchmarks",
            dependencies: ["PostgreSQLStore", .product(name: "SyntheticPartnership", package: "swift-safeguarding-qa")]
                + everyModule
        ),
        .testTarget(
            name: "PostgreSQLStoreTests",
            dependencies: [
                "PostgreSQLStore", "PostgreSQLHarness",
                .product(name: "Domain", package: "swift-safeguarding-qa"),
                .product(name: "AssuranceTesting", package: "swift-safeguarding-qa"),
                .product(name: "SQLiteStore", package: "swift-safeguarding-qa"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
