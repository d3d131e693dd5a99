import Foundation
import GoogleEmulator
import Switchyard

/// A real emulator and a configuration file pointing the gateway's two providers at it.
struct GatewayHarness: Sendable {
    let emulator: GoogleEmulator
    let directory: URL
    let keyFile: String

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func start() async throws -> GatewayHarness {
        let emulator = try await GoogleEmulator.start(GoogleEmulator.Configuration(apiKeys: ["test-api-key"], projects: ["switchyard-test"]))
        do {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-gateway-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let keyFile = directory.appendingPathComponent("sa.json")
            try await emulator.createServiceAccount(project: "switchyard-test").json.write(to: keyFile)
            return GatewayHarness(emulator: emulator, directory: directory, keyFile: keyFile.path)
        } catch {
            try? await emulator.shutdown()
            throw error
        }
    }

    /// A configuration whose `chat` route tries `first` then the other provider.
    func yaml(chatFirst first: String) -> String {
        let second = first == "studio" ? "vertex" : "studio"
        return """
            catalog:
              directory: \(Self.repositoryRoot.appendingPathComponent("Providers").path)
            providers:
              studio:
                type: google-ai-studio
                api_key: test-api-key
                base_url: \(emulator.baseURL)
              vertex:
                type: vertex-ai
                base_url: \(emulator.baseURL)
                project: switchyard-test
                location: us-central1
                credentials: \(keyFile)
            routes:
              chat:
                targets:
                  - {provider: \(first), model: gemini-2.5-flash}
                  - {provider: \(second), model: gemini-2.5-flash}
              vertex-chat:
                targets:
                  - {provider: vertex, model: gemini-2.5-flash}
            retry:
              max_attempts: 2
              initial_backoff: 5ms
              max_backoff: 20ms
            timeouts:
              request: 30s
            """
    }

    /// Writes a configuration file and returns its path.
    @discardableResult
    func write(_ text: String, to name: String = "switchyard.yaml") throws -> String {
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func shutdown() async {
        try? await emulator.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Runs a body with a fresh emulator and a gateway loaded from `yaml(chatFirst: "studio")`, shutting both down.
func withGateway<T: Sendable>(_ body: (GatewayHarness, Gateway, String) async throws -> T) async throws -> T {
    let harness = try await GatewayHarness.start()
    do {
        let file = try harness.write(harness.yaml(chatFirst: "studio"))
        let gateway = try await Gateway.load(configFile: file, environment: [:])
        do {
            let result = try await body(harness, gateway, file)
            await gateway.shutdown()
            await harness.shutdown()
            return result
        } catch {
            await gateway.shutdown()
            throw error
        }
    } catch {
        await harness.shutdown()
        throw error
    }
}

enum Prompt {
    static func text(_ text: String) -> GenerateContentRequest {
        var request = GenerateContentRequest()
        request.contents = [Content(role: .user, parts: [Part(text: text)])]
        return request
    }
}
