import Logging

/// Ends a request's observation: one access-log line and the metrics, exactly once per request.
///
/// The access line carries the request id, method, path (never the query, which may hold `key=`), status, surface,
/// operation, route, provider, model, attempts, fallbacks, latency and outcome; never headers or bodies.
struct RequestObserver: Sendable {
    let metrics: ServerMetrics
    let logger: Logger

    func finish(_ summary: RequestSummary) {
        let end = ContinuousClock.now
        metrics.requestFinished(summary, at: end)
        guard logger.logLevel <= .info else { return }
        let latency = end - summary.start
        let tenths = (latency.components.seconds * 10_000) + (latency.components.attoseconds + 50_000_000_000_000) / 100_000_000_000_000
        // Room for every key up front: a literal of the nine always present would grow (and rehash) once the
        // optional ones are added.
        var metadata = Logger.Metadata(minimumCapacity: 16)
        metadata["request.id"] = .string(summary.requestID)
        metadata["http.method"] = .string(summary.method)
        metadata["http.path"] = .string(summary.path)
        metadata["http.status"] = .string(String(summary.status))
        metadata["switchyard.surface"] = .string(summary.surface.rawValue)
        metadata["switchyard.operation"] = .string(summary.operation)
        metadata["switchyard.attempts"] = .string(String(summary.attempts))
        metadata["switchyard.outcome"] = .string(summary.outcome)
        metadata["latency_ms"] = .string(String(tenths / 10) + "." + String(tenths % 10))
        if let route = summary.route { metadata["switchyard.route"] = .string(route) }
        if let provider = summary.provider { metadata["switchyard.provider"] = .string(provider) }
        if let model = summary.model { metadata["switchyard.model"] = .string(model) }
        if summary.fallbacks > 0 { metadata["switchyard.fallbacks"] = .string(String(summary.fallbacks)) }
        if let code = summary.errorCode { metadata["error.code"] = .string(code) }
        logger.info("access", metadata: metadata)
    }
}
