import Metrics
import Synchronization

/// The router's metrics. Handles are created once per label set and cached.
///
/// - `switchyard_router_attempts_total{provider, model, outcome}`: tries, by outcome (`success` or an error code).
/// - `switchyard_router_attempt_duration{provider, model}`: how long each try took (a timer).
/// - `switchyard_router_fallbacks_total{route, provider, model}`: moves away from a target after trying it.
/// - `switchyard_router_skipped_total{provider, model, reason}`: targets not tried (`capability` or `cooldown`).
/// - `switchyard_router_cooldown_state{provider, model}`: 0 closed, 1 open, 2 half-open.
final class RouterMetrics: Sendable {
    private let factory: any MetricsFactory
    private let counters = Mutex<[[String]: Counter]>([:])
    private let timers = Mutex<[[String]: Timer]>([:])
    private let gauges = Mutex<[[String]: Gauge]>([:])
    private let attemptSeries = Mutex<[AttemptSeriesKey: (counter: Counter, timer: Timer)]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func attempt(_ key: TargetKey, outcome: String, duration: Duration) {
        // Every request records an attempt: its two series are kept under one small key instead of the label
        // arrays the general caches build, and only here.
        let series = attemptSeries.withLock { cache in
            let cacheKey = AttemptSeriesKey(target: key, outcome: outcome)
            if let found = cache[cacheKey] { return found }
            let made = (
                counter: Counter(
                    label: "switchyard_router_attempts_total",
                    dimensions: [("provider", key.provider), ("model", key.model), ("outcome", outcome)],
                    factory: factory
                ),
                timer: Timer(
                    label: "switchyard_router_attempt_duration",
                    dimensions: [("provider", key.provider), ("model", key.model)],
                    factory: factory
                )
            )
            cache[cacheKey] = made
            return made
        }
        series.counter.increment()
        series.timer.recordNanoseconds(duration.nanoseconds)
    }

    private struct AttemptSeriesKey: Hashable {
        let target: TargetKey
        let outcome: String
    }

    func fallback(route: String, from key: TargetKey) {
        counter("switchyard_router_fallbacks_total", [("route", route), ("provider", key.provider), ("model", key.model)]).increment()
    }

    func skipped(_ key: TargetKey, reason: String) {
        counter("switchyard_router_skipped_total", [("provider", key.provider), ("model", key.model), ("reason", reason)]).increment()
    }

    func cooldown(_ key: TargetKey, phase: CooldownState.Phase) {
        let dimensions = [("provider", key.provider), ("model", key.model)]
        let cacheKey = ["switchyard_router_cooldown_state"] + dimensions.flatMap { [$0.0, $0.1] }
        let gauge = gauges.withLock { cache in
            if let gauge = cache[cacheKey] { return gauge }
            let gauge = Gauge(label: "switchyard_router_cooldown_state", dimensions: dimensions, factory: factory)
            cache[cacheKey] = gauge
            return gauge
        }
        gauge.record(phase.gaugeValue)
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        let cacheKey = [label] + dimensions.flatMap { [$0.0, $0.1] }
        return counters.withLock { cache in
            if let counter = cache[cacheKey] { return counter }
            let counter = Counter(label: label, dimensions: dimensions, factory: factory)
            cache[cacheKey] = counter
            return counter
        }
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> Timer {
        let cacheKey = [label] + dimensions.flatMap { [$0.0, $0.1] }
        return timers.withLock { cache in
            if let timer = cache[cacheKey] { return timer }
            let timer = Timer(label: label, dimensions: dimensions, factory: factory)
            cache[cacheKey] = timer
            return timer
        }
    }
}
