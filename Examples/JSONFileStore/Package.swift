// swift-tools-version: 6.2
// A store written outside the package, on its public API alone: the partnership in one JSON file
// (the qaf-backup format), rewritten atomically after every change. It passes StoreConformance.
import PackageDescription

let package = Package(
    name: "JSONFileStore",
    platforms: [.macOS(.v15)],
    products: [.library(name: "JSONFileStore", targets: ["JSONFileStore"])],
    dependencies: [
        // Depending by path, the package is named by the `name:` given here, whatever its folder is called.
        .package(name: "swift-safeguarding-qa", path: "../..")
    ],
    targets: [
        .target(
            name: "JSONFileStore",
            dependencies: [.product(name: "Domain", package: "swift-safeguarding-qa")]
        ),
        .testTarget(
            name: "JSONFileStoreTests",
            dependencies: [
                "JSONFileStore",
                .product(name: "Domain", package: "swift-safeguarding-qa"),
                .product(name: "AssuranceTesting", package: "swift-safeguarding-qa"),
            ]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
