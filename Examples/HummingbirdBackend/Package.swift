// swift-tools-version:6.2
import PackageDescription

// A small Hummingbird backend that uses Switchyard as a library, the way any other Swift backend would:
// it depends on the Switchyard package by path and imports only the `Switchyard` product.
let package = Package(
    name: "hummingbird-backend",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "switchyard", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Already in the graph through Hummingbird; named here for the header field names.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "IllustrateBackend",
            dependencies: [
                .product(name: "Switchyard", package: "switchyard"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]
        )
    ]
)
