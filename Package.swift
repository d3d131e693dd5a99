// swift-tools-version:6.2
import PackageDescription

/// One list of settings for every Swift target: Swift 6 mode (strict concurrency) plus the
/// upcoming features the Swift-on-server anchors (Hummingbird, jwt-kit) build with.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "switchyard",
    platforms: [.macOS(.v15)],
    products: [
        // What a Swift backend imports: no server framework in here.
        .library(name: "Switchyard", targets: ["Switchyard"]),
        .library(name: "SwitchyardServer", targets: ["SwitchyardServer"]),
        .library(name: "GoogleEmulator", targets: ["GoogleEmulator"]),
        // The libcurl transport on its own (used by Benchmarks/).
        .library(name: "SwitchyardHTTP", targets: ["SwitchyardHTTP"]),
        .executable(name: "switchyard", targets: ["SwitchyardCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // MARK: C shims
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),

        // MARK: Core model: Foundation only
        .target(
            name: "SwitchyardCore",
            swiftSettings: swiftSettings
        ),
        // MARK: Catalog and gateway configuration (YAML)
        .target(
            name: "SwitchyardConfig",
            dependencies: [
                "SwitchyardCore",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: Outbound HTTP on libcurl
        .target(
            name: "SwitchyardHTTP",
            dependencies: [
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: RSA and hashing on OpenSSL
        .target(
            name: "SwitchyardCrypto",
            dependencies: ["COpenSSL"],
            swiftSettings: swiftSettings
        ),
        // MARK: Google credentials
        .target(
            name: "GoogleAuth",
            dependencies: [
                "SwitchyardCrypto",
                "SwitchyardHTTP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: Provider adapters (AI Studio, Vertex AI)
        .target(
            name: "SwitchyardProviders",
            dependencies: [
                "SwitchyardCore",
                "SwitchyardConfig",
                "SwitchyardHTTP",
                "GoogleAuth",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: Routing, retries, fallback, cooldowns
        .target(
            name: "SwitchyardRouter",
            dependencies: [
                "SwitchyardCore",
                "SwitchyardConfig",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: Library facade (the product other backends import)
        .target(
            name: "Switchyard",
            dependencies: [
                "SwitchyardCore",
                "SwitchyardConfig",
                "SwitchyardHTTP",
                "GoogleAuth",
                "SwitchyardProviders",
                "SwitchyardRouter",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: HTTP server (Gemini- and OpenAI-compatible surfaces)
        .target(
            name: "SwitchyardServer",
            dependencies: [
                "Switchyard",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: Google's side, for tests, the default config and demos
        .target(
            name: "GoogleEmulator",
            dependencies: [
                "SwitchyardCore",
                "SwitchyardCrypto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: The `switchyard` executable
        .executableTarget(
            name: "SwitchyardCLI",
            dependencies: [
                "Switchyard",
                "SwitchyardServer",
                "GoogleEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        // Helpers more than one test target needs (kept out of the products).
        .target(
            name: "SwitchyardTestSupport",
            path: "Tests/SwitchyardTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardCoreTests",
            dependencies: ["SwitchyardCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardConfigTests",
            dependencies: ["SwitchyardConfig", "SwitchyardCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardHTTPTests",
            dependencies: [
                "SwitchyardHTTP",
                "SwitchyardTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardCryptoTests",
            dependencies: ["SwitchyardCrypto"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoogleAuthTests",
            dependencies: [
                "GoogleAuth", "GoogleEmulator", "SwitchyardHTTP", "SwitchyardCrypto",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardProvidersTests",
            dependencies: [
                "SwitchyardProviders", "SwitchyardHTTP", "GoogleEmulator", "GoogleAuth", "SwitchyardCore", "SwitchyardConfig",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardRouterTests",
            dependencies: [
                "SwitchyardRouter", "SwitchyardCore", "SwitchyardConfig", "SwitchyardProviders", "SwitchyardHTTP", "GoogleAuth",
                "GoogleEmulator",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardTests",
            dependencies: [
                "Switchyard", "GoogleEmulator", "SwitchyardHTTP", "GoogleAuth",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardServerTests",
            dependencies: [
                "SwitchyardServer",
                "Switchyard",
                "GoogleEmulator",
                "SwitchyardHTTP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SwitchyardCLITests",
            dependencies: [
                "SwitchyardCLI", "SwitchyardHTTP", "SwitchyardTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoogleEmulatorTests",
            dependencies: [
                "GoogleEmulator", "SwitchyardHTTP", "SwitchyardCrypto", "SwitchyardCore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
