import Foundation
import GoogleAuth
import Logging
import ServiceLifecycle
import SwitchyardConfig
import SwitchyardCore
import SwitchyardHTTP
import SwitchyardRouter
import Synchronization

/// Switchyard as a library: configuration, providers, router and the outbound transport behind one object.
///
/// ```swift
/// let gateway = try await Gateway.load(configFile: "config/switchyard.yaml")
/// let reply = try await gateway.generateContent(request, model: "chat")
/// print(reply.trail.provider ?? "-", reply.value.text ?? "")
/// ```
///
/// Run it as a ServiceLifecycle `Service` (or call ``shutdown()``) so the transport's thread ends cleanly.
/// ``reload(configuration:)`` swaps providers and routes atomically: requests already running finish on the old
/// ones, new requests use the new ones. Needs no server framework.
public final class Gateway: Service, Sendable {
    /// The configuration, router and providers one request runs against; replaced wholesale on reload.
    struct Snapshot: Sendable {
        var configuration: GatewayConfiguration
        var router: Router
        var providers: [String: BuiltProvider]
    }

    private let snapshot: Mutex<Snapshot>
    private let reloads = ReloadQueue()
    private let transport: any HTTPTransport
    private let ownedTransport: CurlTransport?
    private let assembly: ProviderAssembly
    private let environment: [String: String]
    private let logger: Logger
    private let routerLogger: Logger

    /// Builds the transport (unless given), credentials, providers and router of a configuration.
    /// - Parameters:
    ///   - configuration: A loaded configuration (``SwitchyardConfig/GatewayConfiguration/load(file:environment:catalogDirectory:)``).
    ///   - transport: The transport for calls to Google; a new `CurlTransport` owned by the gateway when `nil`.
    ///   - environment: Variables for credential discovery (ADC) and `${VAR}` in reloaded files.
    ///   - logger: Where the gateway logs; the router logs under `switchyard.router` at the same level.
    /// - Throws: ``SwitchyardCore/SwitchyardError`` (`configuration`) when a provider or its credentials cannot be built.
    public init(
        configuration: GatewayConfiguration,
        transport: (any HTTPTransport)? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "switchyard")
    ) async throws {
        if let transport {
            self.transport = transport
            self.ownedTransport = nil
        } else {
            let curl = CurlTransport(
                configuration: CurlTransport.Configuration(
                    connectTimeout: configuration.timeouts.connect,
                    idleTimeout: configuration.timeouts.streamIdle
                ),
                logger: Logger(label: "switchyard.http")
            )
            self.transport = curl
            self.ownedTransport = curl
        }
        self.environment = environment
        self.logger = logger
        var routerLogger = Logger(label: "switchyard.router")
        routerLogger.logLevel = logger.logLevel
        self.routerLogger = routerLogger
        self.assembly = ProviderAssembly(
            transport: self.transport,
            environment: AuthEnvironment(variables: environment, homeDirectory: environment["HOME"]),
            logger: logger
        )
        let providers: [String: BuiltProvider]
        do {
            providers = try await assembly.build(configuration)
        } catch {
            await ownedTransport?.shutdown()
            throw error
        }
        let router = Self.makeRouter(configuration, providers: providers, logger: routerLogger)
        self.snapshot = Mutex(Snapshot(configuration: configuration, router: router, providers: providers))
        logger.info(
            "gateway ready",
            metadata: [
                "config.file": "\(configuration.file)",
                "providers": "\(providers.keys.sorted().joined(separator: ","))",
                "routes": "\(router.routes.joined(separator: ","))",
            ]
        )
    }

    /// Loads a configuration file (and its catalogs) and builds a gateway from it.
    /// - Throws: ``SwitchyardConfig/ConfigurationError`` listing every problem as `file:line: path: message`, or
    ///   ``SwitchyardCore/SwitchyardError`` when a provider cannot be built.
    public static func load(
        configFile: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "switchyard")
    ) async throws -> Gateway {
        let configuration = try GatewayConfiguration.load(file: configFile, environment: environment)
        return try await Gateway(configuration: configuration, environment: environment, logger: logger)
    }

    /// The configuration in force.
    public var configuration: GatewayConfiguration {
        snapshot.withLock { $0.configuration }
    }

    /// The router in force; a request that takes it keeps it until it ends, across reloads.
    public var router: Router {
        snapshot.withLock { $0.router }
    }

    /// Generates content through the route or catalog model `model`.
    /// - Throws: ``SwitchyardRouter/RoutingError``.
    public func generateContent(
        _ request: GenerateContentRequest,
        model: String,
        options: RequestOptions = RequestOptions()
    ) async throws(RoutingError) -> RoutedReply<GenerateContentResponse> {
        try await router.generateContent(request, model: model, options: options)
    }

    /// Streams content through the route or catalog model `model`; returns once the first event has arrived.
    /// - Throws: ``SwitchyardRouter/RoutingError``.
    public func streamGenerateContent(
        _ request: GenerateContentRequest,
        model: String,
        options: RequestOptions = RequestOptions()
    ) async throws(RoutingError) -> RoutedStream {
        try await router.streamGenerateContent(request, model: model, options: options)
    }

    /// Generates images (Imagen's request shape) through `model`.
    /// - Throws: ``SwitchyardRouter/RoutingError``.
    public func generateImages(
        _ request: ImagenPredictRequest,
        model: String,
        options: RequestOptions = RequestOptions()
    ) async throws(RoutingError) -> RoutedReply<ImagenPredictResponse> {
        try await router.generateImages(request, model: model, options: options)
    }

    /// Counts a prompt's tokens through `model`.
    /// - Throws: ``SwitchyardRouter/RoutingError``.
    public func countTokens(
        _ request: CountTokensRequest,
        model: String,
        options: RequestOptions = RequestOptions()
    ) async throws(RoutingError) -> RoutedReply<CountTokensResponse> {
        try await router.countTokens(request, model: model, options: options)
    }

    /// Routes, then catalog models, with their targets and the first target's capabilities (for `GET /models`).
    public func models() -> [GatewayModel] {
        let router = self.router
        func entry(_ id: String, isRoute: Bool) -> GatewayModel {
            let targets = router.targets(for: id) ?? []
            let capabilities = targets.first.flatMap { router.capabilities(provider: $0.provider, model: $0.model) }
            return GatewayModel(id: id, isRoute: isRoute, targets: targets, capabilities: capabilities)
        }
        let routes = router.routes
        let names = Set(routes)
        return routes.map { entry($0, isRoute: true) } + router.catalogModels.filter { !names.contains($0) }.map { entry($0, isRoute: false) }
    }

    /// The breaker state of every target the current router has seen.
    public var cooldowns: [CooldownState] {
        get async { await router.cooldowns }
    }

    /// Swaps in a new configuration: providers whose settings did not change are kept (with their token caches),
    /// the others are built anew, then router and providers are replaced in one step. Requests already running
    /// finish on the old ones. Reloads run one at a time.
    /// - Throws: ``SwitchyardCore/SwitchyardError`` when a provider cannot be built; the old configuration stays.
    public func reload(configuration: GatewayConfiguration) async throws {
        try await reloads.run {
            let current = self.snapshot.withLock { $0.providers }
            let providers = try await self.assembly.build(configuration, previous: current)
            let router = Self.makeRouter(configuration, providers: providers, logger: self.routerLogger)
            self.snapshot.withLock { $0 = Snapshot(configuration: configuration, router: router, providers: providers) }
            let kept = providers.keys.filter { name in current[name].map { $0.isUnchanged(in: configuration) } ?? false }
            self.logger.notice(
                "configuration reloaded",
                metadata: [
                    "config.file": "\(configuration.file)",
                    "providers.kept": "\(kept.sorted().joined(separator: ","))",
                    "providers.rebuilt": "\(providers.keys.filter { !kept.contains($0) }.sorted().joined(separator: ","))",
                    "routes": "\(router.routes.joined(separator: ","))",
                ]
            )
        }
    }

    /// Re-reads a configuration file (the one loaded first by default) and swaps it in.
    /// - Throws: ``SwitchyardConfig/ConfigurationError`` with the same `file:line:` messages as at start-up, or
    ///   ``SwitchyardCore/SwitchyardError``; either way the old configuration stays in force.
    public func reload(configFile: String? = nil) async throws {
        let file = configFile ?? configuration.file
        let configuration: GatewayConfiguration
        do {
            configuration = try GatewayConfiguration.load(file: file, environment: environment)
        } catch {
            logger.error("configuration rejected; the old one stays in force", metadata: ["config.file": "\(file)", "error": "\(error)"])
            throw error
        }
        try await reload(configuration: configuration)
    }

    /// Runs until graceful shutdown, then stops the transport the gateway owns.
    public func run() async throws {
        if let ownedTransport {
            try await ownedTransport.run()
        } else {
            try? await gracefulShutdown()
        }
    }

    /// Stops the transport the gateway owns; in-flight calls fail with a transport error.
    public func shutdown() async {
        await ownedTransport?.shutdown()
    }

    static func makeRouter(_ configuration: GatewayConfiguration, providers: [String: BuiltProvider], logger: Logger) -> Router {
        Router(configuration: configuration, providers: providers.mapValues(\.provider), logger: logger)
    }
}
