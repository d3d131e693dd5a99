// swift-tools-version:6.2
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name, which differs between checkouts (wt-json, main, ...).
let rootIdentity = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// JSON benchmark, kept out of the root package so `swift test` never builds it.
// Run: swift run -c release --package-path Benchmarks/JSON json-bench
let package = Package(
    name: "switchyard-json-benchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "json-bench",
            dependencies: [
                // SwitchyardCore is not a product of its own; it comes with the library product.
                .product(name: "Switchyard", package: rootIdentity)
            ],
            path: "Sources/JSONBench"
        )
    ]
)
