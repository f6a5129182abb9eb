// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "swift-safeguarding-qa",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Domain", targets: ["Domain"]),
        .library(name: "Section11", targets: ["Section11"]),
        .library(name: "Audit", targets: ["Audit"]),
        .library(name: "Measures", targets: ["Measures"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "SQLiteStore", targets: ["SQLiteStore"]),
        .library(name: "AssuranceTesting", targets: ["AssuranceTesting"]),
        .library(name: "Tables", targets: ["Tables"]),
        .library(name: "Spreadsheets", targets: ["Spreadsheets"]),
        .library(name: "Delivery", targets: ["Delivery"]),
        .library(name: "SyntheticPartnership", targets: ["SyntheticPartnership"]),
    ],
    targets: [
        // The shared vocabulary and the seams. Foundation only.
        .target(name: "Domain"),

        // Feature modules: each imports Domain and nothing else of ours.
        .target(name: "Section11", dependencies: ["Domain"]),
        .target(name: "Audit", dependencies: ["Domain"]),
        .target(name: "Measures", dependencies: ["Domain"]),
        .target(name: "Learning", dependencies: ["Domain"]),
        .target(name: "Reporting", dependencies: ["Domain"]),

        // The storage seam on the system SQLite.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(name: "Spreadsheets", dependencies: ["Domain"]),
        .target(name: "SQLiteStore", dependencies: ["Domain", "CSQLite"]),

        // What a host's tests need.
        .target(name: "AssuranceTesting", dependencies: ["Domain"]),
        // Every record kind as a CSV table, out and back: Domain and Foundation only.
        .target(name: "Tables", dependencies: ["Domain"]),
        // Messages to people: email through a sendmail program, webhooks through Foundation's URL loading.
        .target(name: "Delivery", dependencies: ["Domain"]),

        // The synthetic partnership shared by the demo, the benchmarks and the tests. A product only
        // for `PartnershipPipeline`, which the adapters' benchmarks run against their own stores; hosts
        // never link it.
        .target(
            name: "SyntheticPartnership",
            dependencies: ["Domain", "Measures", "Section11", "Learning", "Audit", "Reporting"]
        ),

        .executableTarget(
            name: "qaf",
            dependencies: [
                "Domain", "Measures", "Section11", "Learning", "Audit", "Reporting", "SQLiteStore",
                "SyntheticPartnership", "AssuranceTesting", "Tables", "Spreadsheets", "Delivery",
            ]
        ),
        // Kills a child writing to SQLite at random moments and checks what it left (Reliability.md).
        .executableTarget(
            name: "CrashHarness",
            dependencies: ["Domain", "SQLiteStore", "SyntheticPartnership", "Delivery"]
        ),
        .executableTarget(
            name: "Benchmarks",
            dependencies: [
                "Domain", "Measures", "Section11", "Learning", "Audit", "Reporting", "SQLiteStore",
                "SyntheticPartnership", "CSQLite", "Tables",
                // Built beside the benchmarks, which time `qaf spc` as a whole process.
                "qaf",
            ],
            path: "Benchmarks",
            exclude: ["peers"]
        ),

        .testTarget(name: "DomainTests", dependencies: ["Domain", "AssuranceTesting"]),
        .testTarget(name: "AssuranceTestingTests", dependencies: ["AssuranceTesting", "Domain"]),
        .testTarget(
            name: "MeasuresTests",
            dependencies: ["Measures", "Domain", "AssuranceTesting"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "Section11Tests", dependencies: ["Section11", "Domain", "AssuranceTesting"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "Domain", "AssuranceTesting"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Domain", "AssuranceTesting"]),
        .testTarget(
            name: "ReportingTests",
            dependencies: [
                "Reporting", "Domain", "AssuranceTesting", "SyntheticPartnership", "Measures", "Section11", "Learning",
                "Audit",
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "qafTests", dependencies: ["qaf", "Spreadsheets", "Domain"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "Domain", "Section11", "Audit", "Measures", "Learning", "Reporting", "SQLiteStore", "AssuranceTesting",
                "SyntheticPartnership",
            ],
            resources: [.copy("Fixtures")]
        ),
        // The examples the guides and articles quote, compiled and run, and the check that every
        // code example in the documentation is quoted from code that is.
        .testTarget(
            name: "DocumentationTests",
            dependencies: [
                "Domain", "Section11", "Audit", "Measures", "Learning", "Reporting", "SQLiteStore", "AssuranceTesting",
                "SyntheticPartnership",
            ]
        ),
        .testTarget(
            name: "TablesTests",
            dependencies: [
                "Tables", "Domain", "Section11", "Audit", "Measures", "Learning", "Reporting", "AssuranceTesting",
                "SyntheticPartnership",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DeliveryTests",
            dependencies: ["Delivery", "Domain", "AssuranceTesting", "SQLiteStore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SpreadsheetsTests",
            dependencies: ["Spreadsheets", "Domain"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FormsTests",
            dependencies: [
                "Spreadsheets", "Section11", "Audit", "Domain", "AssuranceTesting", "SyntheticPartnership",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore", "Domain", "AssuranceTesting", "CSQLite"]),
    ]
)

for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("NonisolatedNonsendingByDefault"))
    settings.append(.treatWarning("ExplicitSendable", as: .warning))
    target.swiftSettings = settings
}
