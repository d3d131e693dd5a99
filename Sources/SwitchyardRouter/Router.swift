import Logging
import Metrics
import SwitchyardConfig
import SwitchyardCore

/// Chooses a target for each request, then tries, retries, falls back and cools down.
///
/// For each request: derive its needs → filter the route's targets (skipped ones recorded with reasons) → for each
/// remaining target in order: skip it while its breaker is open, try it, retry retryable failures with full-jitter
/// backoff (or the upstream's `RetryInfo`/`Retry-After` up to ``RetryPolicy/maxRetryDelay``), fall back on
/// provider-specific failures (401, 403, 404), return caller errors (400) at once. One deadline bounds it all.
/// Every answer and every error carries the ``AttemptTrail``.
///
/// A router is immutable apart from its breaker table; the ``Gateway`` replaces it wholesale on reload.
public final class Router: Sendable {
    /// The configuration the router was built from.
    public let configuration: GatewayConfiguration
    let table: RouteTable
    let providers: [String: any Provider]
    let retryPolicy: RetryPolicy
    let health: CooldownTable
    let logger: Logger
    let clock: RouterClock
    /// Ends attempts at their request's deadline.
    let alarms: DeadlineAlarms
    let random: RandomSource
    let metrics: RouterMetrics

    /// The configuration's declared provider order, then providers it does not declare, by name.
    static func declaredOrder(configuration: GatewayConfiguration, providers: [String: any Provider]) -> [String] {
        let declared = configuration.providerOrder
        let others = Set(configuration.providers.keys).union(providers.keys).subtracting(declared).sorted()
        return declared + others
    }

    /// Creates a router.
    /// - Parameters:
    ///   - configuration: Routes, retry and cool-down policy, timeouts, catalogs.
    ///   - providers: The built providers, by configured name. A route target whose provider is missing is skipped
    ///     with the reason "provider … is not available".
    ///   - providerOrder: The order in which providers become targets of a catalog model named directly; by default
    ///     the configuration's declaration order, then any other provider by name.
    ///   - perDayCooldown: How long a per-day quota 429 takes a target out of rotation (or the advised delay if longer);
    ///     by default `retry.cooldown.per_day_period`.
    ///   - logger: Where routing decisions are logged (`switchyard.router`).
    ///   - clock: The time source for waits and deadlines.
    ///   - random: The random source for jitter and weighted choice.
    ///   - metricsFactory: Where metrics go; the bootstrapped backend by default.
    public init(
        configuration: GatewayConfiguration,
        providers: [String: any Provider],
        providerOrder: [String]? = nil,
        perDayCooldown: Duration? = nil,
        logger: Logger = Logger(label: "switchyard.router"),
        clock: RouterClock = .continuous,
        random: RandomSource = .system,
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) {
        self.configuration = configuration
        self.providers = providers
        self.table = RouteTable(
            configuration: configuration,
            providers: providers,
            providerOrder: providerOrder ?? Self.declaredOrder(configuration: configuration, providers: providers)
        )
        self.retryPolicy = RetryPolicy(settings: configuration.retry)
        self.logger = logger
        self.clock = clock
        self.alarms = DeadlineAlarms(clock: clock)
        self.random = random
        let metrics = RouterMetrics(factory: metricsFactory)
        self.metrics = metrics
        self.health = CooldownTable(
            policy: CooldownPolicy(
                settings: configuration.retry.cooldown,
                perDayPeriod: perDayCooldown ?? configuration.retry.cooldown.perDayPeriod
            ),
            onTransition: { transition in
                metrics.cooldown(transition.key, phase: transition.to)
                var metadata: Logger.Metadata = [
                    "switchyard.provider": "\(transition.key.provider)",
                    "switchyard.model": "\(transition.key.model)",
                    "cooldown.from": "\(transition.from)",
                    "cooldown.to": "\(transition.to)",
                    "cooldown.reason": "\(transition.reason)",
                ]
                if let reopensAt = transition.reopensAt {
                    metadata["cooldown.duration"] = "\((reopensAt - clock.now()).compactText)"
                }
                let level: Logger.Level = transition.to == .open ? .warning : .notice
                logger.log(level: level, "target cool-down \(transition.from) → \(transition.to)", metadata: metadata)
            }
        )
    }

    /// The route names of the configuration, sorted. Every catalog model id is addressable as well.
    public var routes: [String] { table.routeNames }

    /// The catalog model ids a request may name directly, sorted.
    public var catalogModels: [String] { table.catalogModelIDs }

    /// The targets a model name resolves to, in configured order; `nil` for an unknown route or model.
    public func targets(for model: String) -> [RouteTarget]? {
        table.route(for: model)?.targets.map { RouteTarget(provider: $0.key.provider, model: $0.key.model, weight: $0.weight) }
    }

    /// The capabilities of one target, from its provider (or its catalog when the provider was not built).
    public func capabilities(provider: String, model: String) -> ModelCapabilities? {
        if let instance = providers[provider] { return instance.capabilities(for: model) }
        return configuration.model(model, provider: provider)?.capabilities
    }

    /// Every target's breaker state that has been touched, sorted by provider and model.
    public var cooldowns: [CooldownState] {
        get async { health.states(now: clock.now()) }
    }

    /// Generates content on the first target that can serve the request and answers.
    /// - Throws: ``RoutingError``.
    public func generateContent(
        _ request: GenerateContentRequest,
        model: String,
        options: RequestOptions = RequestOptions()
    ) async throws(RoutingError) -> RoutedReply<GenerateContentResponse> {
        let needs = RequestNeeds(request: request, streaming: false)
        return try await run(
            model: model,
            operation: "generateContent",
            options: options,
            passDeadline: true,
            reasons: { TargetSelection.reasons(for: needs, capabilities: $0) },
            call: { provider, model, context in try await provider.generateContent(request, model: model, context: context) }
        )
    }

    /// Opens a stream on the first target that can serve the request and delivers a first event. Failures before the
    /// first event are retried and fall back like any request; after it, the stream throws a ``SwitchyardError``.
    /// - Throws: ``RoutingError``.
    public func streamGenerateContent(
        _ request: GenerateContentRequest,
        model: String,
        options: RequestOptions = RequestOptions()
    ) async throws(RoutingError) -> RoutedStream {
        let needs = RequestNeeds(request: request, streaming: true)
        let reply = try await run(
            model: model,
            operation: "streamGenerateContent",
            options: options,
            passDeadline: options.timeout != nil,
            reasons: { TargetSelection.reasons(for: needs, capabilities: $0) },
            call: { provider, model, context in
                let opened = try await provider.streamGenerateContent(request, model: model, context: context)
                let primed = try await PrimedStream.open(opened.value, provider: provider.name, model: model)
                return ProviderReply(value: primed, warnings: opened.warnings)
            }
        )
        let provider = reply.trail.provider ?? ""
        let model = reply.trail.model ?? ""
        let key = TargetKey(provider: provider, model: model)
        let health = self.health
        let clock = self.clock
        let logger = self.logger
        let requestID = options.requestID
        let events = PrimedEvents(primed: reply.value, provider: provider, model: model) { error in
            logger.warning(
                "stream failed after its first event",
                metadata: ["request.id": "\(requestID)", "switchyard.provider": "\(provider)", "switchyard.model": "\(model)", "error": "\(error)"]
            )
            if error.isRetryable {
                health.record(key, .failing(perDay: QuotaScope.isPerDay(error), retryAfter: error.retryAfter), now: clock.now())
            }
        }
        return RoutedStream(trail: reply.trail, warnings: reply.warnings, events: GenerateContentStream(events))
    }

    /// Generates images (Imagen's `:predict` shape) on the first target that makes images and answers.
    /// - Throws: ``RoutingError``.
    public func generateImages(
        _ request: ImagenPredictRequest,
        model: String,
        options: RequestOptions = RequestOptions()
    ) async throws(RoutingError) -> RoutedReply<ImagenPredictResponse> {
        try await run(
            model: model,
            operation: "generateImages",
            options: options,
            passDeadline: true,
            reasons: { TargetSelection.imageReasons(for: request, capabilities: $0) },
            call: { provider, model, context in try await provider.generateImages(request, model: model, context: context) }
        )
    }

    /// Counts a prompt's tokens on the first target that can count and answers.
    /// - Throws: ``RoutingError``.
    public func countTokens(
        _ request: CountTokensRequest,
        model: String,
        options: RequestOptions = RequestOptions()
    ) async throws(RoutingError) -> RoutedReply<CountTokensResponse> {
        try await run(
            model: model,
            operation: "countTokens",
            options: options,
            passDeadline: true,
            reasons: { TargetSelection.countTokensReasons(capabilities: $0) },
            call: { provider, model, context in try await provider.countTokens(request, model: model, context: context) }
        )
    }
}
