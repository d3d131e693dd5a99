import Foundation
import GoogleAuth
import GoogleEmulator
import Logging
import Metrics
import SwitchyardConfig
import SwitchyardCore
import SwitchyardHTTP
import SwitchyardProviders
import SwitchyardRouter
import Synchronization

/// A real emulator on 127.0.0.1, a real libcurl transport and the real AI Studio and Vertex AI adapters, configured
/// from YAML the way the gateway is.
struct RouterHarness: Sendable {
    let emulator: GoogleEmulator
    let transport: CurlTransport
    let configuration: GatewayConfiguration
    let providers: [String: any Provider]
    let directory: URL

    /// The routes every test shares.
    static let routes = """
        routes:
          chat:
            targets:
              - {provider: studio, model: gemini-2.5-flash}
              - {provider: vertex, model: gemini-2.5-flash}
          image:
            targets:
              - {provider: studio, model: gemini-2.0-flash-preview-image-generation}
              - {provider: vertex, model: gemini-2.0-flash-preview-image-generation}
              - {provider: vertex, model: imagegeneration@006}
          imagen:
            targets:
              - {provider: vertex, model: imagegeneration@006}
          vertex-chat:
            targets:
              - {provider: vertex, model: gemini-2.5-flash}
          weighted:
            strategy: weighted
            targets:
              - {provider: studio, model: gemini-2.5-flash, weight: 1}
              - {provider: vertex, model: gemini-2.5-flash, weight: 3}
        """

    /// Retry settings with short real durations.
    static let retry = """
        retry:
          max_attempts: 3
          initial_backoff: 5ms
          max_backoff: 20ms
          max_retry_delay: 2s
          cooldown:
            failures: 3
            period: 300ms
        timeouts:
          connect: 2s
          request: 20s
          stream_idle: 10s
        """

    /// Starts an emulator and builds the providers of a configuration pointing at it.
    static func start(routes: String = routes, retry: String = retry) async throws -> RouterHarness {
        let emulator = try await GoogleEmulator.start(GoogleEmulator.Configuration(apiKeys: ["test-api-key"], projects: ["switchyard-test"]))
        do {
            let account = try await emulator.createServiceAccount(project: "switchyard-test")
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-router-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let keyFile = directory.appendingPathComponent("sa.json")
            try account.json.write(to: keyFile)
            let yaml = configurationYAML(baseURL: emulator.baseURL, keyFile: keyFile.path, routes: routes, retry: retry)
            let configuration = try GatewayConfiguration.parse(
                yaml: yaml,
                file: "router-test.yaml",
                environment: [:],
                baseDirectory: repositoryRoot.path
            )
            let transport = CurlTransport(configuration: CurlTransport.Configuration(connectTimeout: .seconds(2)))
            var providers: [String: any Provider] = [:]
            for (name, settings) in configuration.providers {
                guard let catalog = configuration.catalogs[name] else { continue }
                providers[name] = try await GoogleProviderFactory.makeProvider(
                    settings: settings,
                    catalog: catalog,
                    transport: transport,
                    credentialContext: CredentialContext(transport: transport, environment: AuthEnvironment()),
                    logger: Logger(label: "test.providers")
                )
            }
            return RouterHarness(
                emulator: emulator,
                transport: transport,
                configuration: configuration,
                providers: providers,
                directory: directory
            )
        } catch {
            try? await emulator.shutdown()
            throw error
        }
    }

    /// The YAML of a configuration whose providers are the emulator's AI Studio and Vertex AI surfaces.
    static func configurationYAML(baseURL: String, keyFile: String, routes: String, retry: String) -> String {
        """
        providers:
          studio:
            type: google-ai-studio
            api_key: test-api-key
            base_url: \(baseURL)
            api_version: v1beta
          vertex:
            type: vertex-ai
            base_url: \(baseURL)
            project: switchyard-test
            location: us-central1
            credentials: \(keyFile)
        \(routes)
        \(retry)
        """
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// A router over the harness's providers.
    func router(
        clock: RouterClock = .continuous,
        random: RandomSource = .system,
        perDayCooldown: Duration = .seconds(3600),
        logger: Logger = Logger(label: "switchyard.router"),
        metrics: (any MetricsFactory)? = nil
    ) -> Router {
        Router(
            configuration: configuration,
            providers: providers,
            providerOrder: ["studio", "vertex"],
            perDayCooldown: perDayCooldown,
            logger: logger,
            clock: clock,
            random: random,
            metricsFactory: metrics ?? RecordingMetrics()
        )
    }

    func shutdown() async {
        await transport.shutdown()
        try? await emulator.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Runs a body against a fresh harness and always shuts it down.
func withHarness<T: Sendable>(
    routes: String = RouterHarness.routes,
    retry: String = RouterHarness.retry,
    _ body: (RouterHarness) async throws -> T
) async throws -> T {
    let harness = try await RouterHarness.start(routes: routes, retry: retry)
    do {
        let result = try await body(harness)
        await harness.shutdown()
        return result
    } catch {
        await harness.shutdown()
        throw error
    }
}

/// A continuous clock that records every wait the router asks for, other than racing the request's deadline. For one
/// request per clock.
///
/// The deadline is the first `now()` the router reads (the request's start) plus `deadlineBudget`; a sleep until
/// exactly that instant is the race against the deadline, and is not recorded. Any other wait is measured from the last
/// `now()` the router read, which is the instant it computed its wake-up from (it reads `now()`, adds the wait and
/// sleeps, with nothing in between). So the recorded waits are exactly what the router decided, however long a loaded
/// machine takes between the calls.
final class RecordingClock: Sendable {
    let waits = LockedArray<Duration>()
    let deadlineBudget: Duration
    private let reads = Mutex<(first: ContinuousClock.Instant?, last: ContinuousClock.Instant)>((nil, ContinuousClock.now))

    /// - Parameter deadlineBudget: The request's time budget: ``RouterHarness/retry``'s `timeouts.request` unless the
    ///   request sets its own timeout.
    init(deadlineBudget: Duration = .seconds(20)) {
        self.deadlineBudget = deadlineBudget
    }

    var clock: RouterClock {
        RouterClock(
            now: { [self] in
                let now = ContinuousClock.now
                reads.withLock { reads in
                    if reads.first == nil { reads.first = now }
                    reads.last = now
                }
                return now
            },
            sleepUntil: { [self] instant in
                let (first, last) = reads.withLock { ($0.first, $0.last) }
                if let first, instant == first + deadlineBudget {
                    // The race against the deadline.
                } else {
                    waits.append(instant - last)
                }
                try await Task.sleep(until: instant, clock: .continuous)
            }
        )
    }
}

/// Requests the tests send.
enum Prompts {
    static func text(_ text: String, accepting modalities: [Modality]? = nil) -> GenerateContentRequest {
        var request = GenerateContentRequest()
        request.contents = [Content(role: .user, parts: [Part(text: text)])]
        if let modalities {
            var config = GenerationConfig()
            config.responseModalities = modalities
            request.generationConfig = config
        }
        return request
    }

    static func withTool(_ request: GenerateContentRequest) -> GenerateContentRequest {
        var request = request
        var declaration = FunctionDeclaration()
        declaration.name = "get_weather"
        declaration.description = "The weather in a city"
        var tool = Tool()
        tool.functionDeclarations = [declaration]
        request.tools = [tool]
        return request
    }
}
