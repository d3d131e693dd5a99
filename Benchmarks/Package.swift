// swift-tools-version:6.2
import Foundation
import PackageDescription

// A path dependency's identity is its directory's name, which differs between checkouts.
let rootIdentity = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

// Benchmarks for Switchyard, kept out of the root package so `swift test` never builds them.
// Run: swift run -c release --package-path Benchmarks transport-bench
//      Benchmarks/run-gateway   (gateway-bench: the gateway's overhead against the emulator)
let package = Package(
    name: "switchyard-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "transport-bench",
            dependencies: [
                .product(name: "SwitchyardHTTP", package: rootIdentity),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/TransportBench"
        ),
        .executableTarget(
            name: "gateway-bench",
            dependencies: [
                .product(name: "Switchyard", package: rootIdentity)
            ],
            path: "Sources/GatewayBench"
        ),
        .executableTarget(
            name: "forward-floor",
            dependencies: [
                .product(name: "SwitchyardHTTP", package: rootIdentity),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/ForwardFloor"
        ),
    ]
)
