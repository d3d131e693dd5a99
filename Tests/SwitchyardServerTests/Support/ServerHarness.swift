import Foundation
import GoogleEmulator
import Logging
import ServiceLifecycle
import Switchyard
import SwitchyardHTTP
import SwitchyardServer
import Testing

/// A running gateway server for a test: the Google emulator on 127.0.0.1:0, a gateway configured against it (AI Studio
/// and Vertex AI providers, routes `chat`, `image`, `imagen`), the HTTP server on 127.0.0.1:0, and libcurl as client.
struct ServerHarness: Sendable {
    static let clientKey = "test-client-key-7f3a"
    static let emulatorKey = "emulator-key-2b9c"

    let emulator: GoogleEmulator
    let gateway: Gateway
    let client: CurlTransport
    let metrics: ServerMetrics
    let logs: LogCapture
    let baseURL: String
    let group: ServiceGroup

    struct Options: Sendable {
        var apiKeys = [ServerHarness.clientKey]
        var maxBodyBytes = 1 << 20
        var retryAttempts = 1
        var cooldownFailures = 3
        /// The server's log level; `.trace` also captures Hummingbird's server state changes.
        var serverLogLevel: Logger.Level = .info
    }

    /// Starts everything, runs `body`, then shuts everything down (also when `body` throws).
    static func with(_ options: Options = Options(), _ body: (ServerHarness) async throws -> Void) async throws {
        let logs = LogCapture()
        let emulator = try await GoogleEmulator.start(
            GoogleEmulator.Configuration(apiKeys: [emulatorKey], projects: ["switchyard-test"]),
            logger: logs.logger(label: "emulator", level: .debug)
        )
        let client = CurlTransport()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-server-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let account = try await emulator.createServiceAccount(project: "switchyard-test")
            let accountFile = directory.appendingPathComponent("service-account.json")
            try account.json.write(to: accountFile)
            let configuration = try GatewayConfiguration.parse(
                yaml: yaml(emulatorURL: emulator.baseURL, accountFile: accountFile.path, options: options),
                file: directory.appendingPathComponent("switchyard.yaml").path,
                environment: [:],
                baseDirectory: repositoryRoot + "/config"
            )
            let logger = logs.logger(label: "switchyard", level: options.serverLogLevel)
            let gateway = try await Gateway(configuration: configuration, environment: [:], logger: logger)
            let metrics = ServerMetrics()
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let application = try GatewayServer.buildApplication(
                gateway: gateway,
                settings: GatewayServerSettings(host: "127.0.0.1", port: 0, apiKeys: options.apiKeys, maxBodyBytes: options.maxBodyBytes),
                metrics: metrics,
                logger: logger,
                onServerRunning: { port in
                    portContinuation.yield(port)
                    portContinuation.finish()
                }
            )
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: [gateway, application], logger: logs.logger(label: "group", level: .warning))
            )
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else {
                    throw HarnessError("the server did not start")
                }
                let harness = ServerHarness(
                    emulator: emulator,
                    gateway: gateway,
                    client: client,
                    metrics: metrics,
                    logs: logs,
                    baseURL: "http://127.0.0.1:\(port)",
                    group: group
                )
                do {
                    try await body(harness)
                } catch {
                    await group.triggerGracefulShutdown()
                    throw error
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        } catch {
            await client.shutdown()
            try? await emulator.shutdown()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        await client.shutdown()
        try await emulator.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    static func yaml(emulatorURL: String, accountFile: String, options: Options) -> String {
        """
        server:
          host: 127.0.0.1
          port: 0
        providers:
          studio:
            type: google-ai-studio
            api_key: \(emulatorKey)
            base_url: \(emulatorURL)
            api_version: v1beta
            unsupported_fields: drop
          vertex:
            type: vertex-ai
            base_url: \(emulatorURL)
            project: switchyard-test
            location: us-central1
            credentials: \(accountFile)
        routes:
          chat:
            targets:
              - {provider: studio, model: gemini-2.5-flash}
              - {provider: vertex, model: gemini-2.5-flash}
          image:
            targets:
              - {provider: studio, model: gemini-2.0-flash-preview-image-generation}
          imagen:
            targets:
              - {provider: vertex, model: imagen-3.0-generate-002}
        retry:
          max_attempts: \(options.retryAttempts)
          initial_backoff: 10ms
          max_backoff: 50ms
          cooldown:
            failures: \(options.cooldownFailures)
            period: 60s
        """
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    // MARK: Client

    /// A finished exchange: status, headers and the whole body.
    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any]? { JSONComparison.object(body) }
        func header(_ name: String) -> String? { headers[name] }
    }

    /// Sends a request and reads the whole answer.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        json: String? = nil,
        body: Data? = nil,
        key: String? = ServerHarness.clientKey,
        headers extra: [(String, String)] = []
    ) async throws -> Reply {
        var headers = HTTPHeaders()
        if let key { headers.add(name: "x-goog-api-key", value: key) }
        if json != nil || body != nil { headers.add(name: "Content-Type", value: "application/json") }
        for (name, value) in extra { headers.add(name: name, value: value) }
        let response = try await client.execute(
            HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body ?? json.map { Data($0.utf8) })
        )
        let data = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: response.status, headers: response.headers, body: data)
    }

    /// Sends an OpenAI-style request (`Authorization: Bearer`).
    func sendOpenAI(_ method: HTTPMethod, _ path: String, json: String? = nil, key: String? = ServerHarness.clientKey) async throws -> Reply {
        try await send(method, path, json: json, key: nil, headers: key.map { [("Authorization", "Bearer \($0)")] } ?? [])
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
