import Foundation

/// The gateway's configuration for the run: both providers point at the separate emulator process.
enum GatewayConfig {
    static let apiKey = "bench-emulator-key"
    static let project = "bench-project"

    static func yaml(gatewayPort: Int, emulatorURL: String, serviceAccountFile: String, catalogDirectory: String) -> String {
        """
        # Written by gateway-bench: the gateway in front of a separate emulator process.
        server:
          host: 127.0.0.1
          port: \(gatewayPort)
          api_keys: []
          max_body_bytes: 67108864
        emulator:
          enabled: false
        catalog:
          directory: \(catalogDirectory)
        providers:
          studio:
            type: google-ai-studio
            api_key: \(apiKey)
            base_url: \(emulatorURL)
            api_version: v1beta
          vertex:
            type: vertex-ai
            base_url: \(emulatorURL)
            project: \(project)
            location: us-central1
            credentials: \(serviceAccountFile)
        routes:
          bench:
            targets:
              - {provider: studio, model: gemini-2.5-flash}
          bench-vertex:
            targets:
              - {provider: vertex, model: gemini-2.5-flash}
          bench-image:
            targets:
              - {provider: studio, model: gemini-2.5-flash-image}
        retry:
          max_attempts: 1
        timeouts:
          connect: 5s
          request: 2m
          stream_idle: 60s

        """
    }
}

/// The repository's `Providers/` catalog directory: `BENCH_CATALOG_DIR`, else the first `Providers/` found above
/// this executable or the working directory.
func findCatalogDirectory() throws -> String {
    if let configured = ProcessInfo.processInfo.environment["BENCH_CATALOG_DIR"] { return configured }
    let starts = [
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    ]
    for start in starts {
        var directory = start
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Providers")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("google-ai-studio.yaml").path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
    }
    throw BenchFailure("no Providers/ catalog directory found above the executable or here; set BENCH_CATALOG_DIR")
}
