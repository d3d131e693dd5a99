import CoreMetrics
import Prometheus
import Switchyard
import Synchronization

/// The server's Prometheus series, registered on one ``PrometheusCollectorRegistry`` (the one `/metrics` renders).
///
/// Series:
/// - `switchyard_requests_total{surface,operation,route,provider,model,outcome,status}`
/// - `switchyard_request_duration_seconds{surface,operation,route,outcome}` — total time per request
/// - `switchyard_gateway_overhead_seconds{surface,operation}` — time to answer minus time spent upstream
/// - `switchyard_requests_in_flight`
/// - `switchyard_upstream_attempts_total{provider,model,outcome}` and
///   `switchyard_upstream_attempt_duration_seconds{provider,model}`
/// - `switchyard_fallbacks_total{route}`
/// - `switchyard_target_cooling_down{provider,model}` (1 while a target is in cooldown), for the targets the router
///   keeps a health record for, refreshed on each scrape
///
/// Token refreshes come from GoogleAuth's own series (`switchyard_auth_token_requests_total`, …) when the process
/// bootstraps swift-metrics with the same registry, as `switchyard serve` does.
public final class ServerMetrics: Sendable {
    /// The registry every series lives in.
    public let registry: PrometheusCollectorRegistry
    private let inFlight: Prometheus.Gauge
    /// Series already registered, by label values: the registry builds the metric name and looks the series up
    /// under its lock on every `make…` call, which showed in the request path's profile.
    private let requestCounters = SeriesCache<[String], Prometheus.Counter>()
    private let durationHistograms = SeriesCache<[String], Prometheus.DurationHistogram>()
    private let overheadHistograms = SeriesCache<[String], Prometheus.DurationHistogram>()
    private let attemptCounters = SeriesCache<[String], Prometheus.Counter>()
    private let attemptHistograms = SeriesCache<[String], Prometheus.DurationHistogram>()

    static func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "switchyard", metricName: name, unitName: unit, helpText: help)
    }
    static var inFlightDescriptor: MetricNameDescriptor { descriptor("requests", "in_flight", "Requests being served") }
    static var requestsDescriptor: MetricNameDescriptor {
        descriptor(
            "requests",
            "total",
            "Requests served, by surface, operation, route, provider, model, outcome and HTTP status"
        )
    }
    static var durationDescriptor: MetricNameDescriptor { descriptor("request_duration", "seconds", "Total time per request, including streaming") }
    static var overheadDescriptor: MetricNameDescriptor {
        descriptor(
            "gateway_overhead",
            "seconds",
            "Time to answer (or to the first stream event) minus time spent in upstream attempts"
        )
    }
    static var attemptsDescriptor: MetricNameDescriptor {
        descriptor(
            "upstream_attempts",
            "total",
            "Upstream attempts, by provider, model and outcome (success or the error code)"
        )
    }
    static var attemptDurationDescriptor: MetricNameDescriptor {
        descriptor(
            "upstream_attempt_duration",
            "seconds",
            "Duration of one upstream attempt (to the first event for streams)"
        )
    }
    static var fallbacksDescriptor: MetricNameDescriptor { descriptor("fallbacks", "total", "Moves to another target of a route") }
    static var cooldownDescriptor: MetricNameDescriptor {
        descriptor("target_cooling", "down", "1 while the target is in cooldown after repeated failures")
    }

    static let durationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120),
    ]
    static let overheadBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
    ]

    /// Registers the server's series on `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        self.inFlight = registry.makeGauge(descriptor: Self.inFlightDescriptor)
    }

    /// Registers the server's series on a fresh registry of its own.
    public convenience init() {
        self.init(registry: PrometheusCollectorRegistry())
    }

    /// Creates a registry, makes it the process-wide swift-metrics backend (so GoogleAuth's and the router's series
    /// land in `/metrics` too) and returns the server metrics on it. Call once per process; tests create their own
    /// ``ServerMetrics`` on a fresh registry instead.
    public static func bootstrapProcessMetrics() -> ServerMetrics {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return ServerMetrics(registry: registry)
    }

    func requestStarted() {
        inFlight.increment()
    }

    func requestFinished(_ summary: RequestSummary, at end: ContinuousClock.Instant) {
        inFlight.decrement()
        let route = summary.route ?? ""
        let outcome = summary.outcome
        let surface = summary.surface.rawValue
        let requestLabels = [surface, summary.operation, route, summary.provider ?? "", summary.model ?? "", outcome, String(summary.status)]
        requestCounters.series(for: requestLabels) { labels in
            registry.makeCounter(
                descriptor: Self.requestsDescriptor,
                labels: zip(["surface", "operation", "route", "provider", "model", "outcome", "status"], labels).map { ($0, $1) }
            )
        }.increment()
        durationHistograms.series(for: [surface, summary.operation, route, outcome]) { labels in
            registry.makeDurationHistogram(
                descriptor: Self.durationDescriptor,
                labels: zip(["surface", "operation", "route", "outcome"], labels).map { ($0, $1) },
                buckets: Self.durationBuckets
            )
        }.record(end - summary.start)
        if let answeredAt = summary.answeredAt, summary.attempts > 0 {
            let overhead = max(.zero, (answeredAt - summary.start) - summary.upstreamTime)
            overheadHistograms.series(for: [surface, summary.operation]) { labels in
                registry.makeDurationHistogram(
                    descriptor: Self.overheadDescriptor,
                    labels: [("surface", labels[0]), ("operation", labels[1])],
                    buckets: Self.overheadBuckets
                )
            }.record(overhead)
        }
        for attempt in summary.attemptRecords {
            let attemptOutcome: String
            switch attempt.outcome {
            case .success: attemptOutcome = "success"
            case .failure(let code, _, _): attemptOutcome = code.rawValue
            }
            attemptCounters.series(for: [attempt.provider, attempt.model, attemptOutcome]) { labels in
                registry.makeCounter(
                    descriptor: Self.attemptsDescriptor,
                    labels: [("provider", labels[0]), ("model", labels[1]), ("outcome", labels[2])]
                )
            }.increment()
            attemptHistograms.series(for: [attempt.provider, attempt.model]) { labels in
                registry.makeDurationHistogram(
                    descriptor: Self.attemptDurationDescriptor,
                    labels: [("provider", labels[0]), ("model", labels[1])],
                    buckets: Self.durationBuckets
                )
            }.record(attempt.duration)
        }
        if summary.fallbacks > 0, let routeName = summary.route {
            registry.makeCounter(descriptor: Self.fallbacksDescriptor, labels: [("route", routeName)])
                .increment(by: Int64(summary.fallbacks))
        }
    }

    /// Sets `switchyard_target_cooling_down` for every target the router keeps a health record for (1 while open).
    func updateCooldowns(_ states: [CooldownState]) {
        for state in states {
            registry.makeGauge(
                descriptor: Self.cooldownDescriptor,
                labels: [("provider", state.provider), ("model", state.model)]
            ).set(state.phase == .open ? 1.0 : 0.0)
        }
    }
}

/// Registered series by label values. Label values are bounded (routes, providers, models and codes come from the
/// configuration and catalogs, never from request text), so the cache is too.
final class SeriesCache<Key: Hashable & Sendable, Series: Sendable>: Sendable {
    private let entries = Mutex<[Key: Series]>([:])

    /// The series for `key`, registered by `make` the first time.
    func series(for key: Key, make: (Key) -> Series) -> Series {
        if let found = entries.withLock({ $0[key] }) { return found }
        let made = make(key)
        entries.withLock { $0[key] = made }
        return made
    }
}
