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
        let latency = end - summary.start
        let milliseconds = Double(latency.components.seconds) * 1000 + Double(latency.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "request.id": "\(summary.requestID)",
            "http.method": "\(summary.method)",
            "http.path": "\(summary.path)",
            "http.status": "\(summary.status)",
            "switchyard.surface": "\(summary.surface.rawValue)",
            "switchyard.operation": "\(summary.operation)",
            "switchyard.attempts": "\(summary.attempts)",
            "switchyard.outcome": "\(summary.outcome)",
            "latency_ms": "\((milliseconds * 10).rounded() / 10)",
        ]
        if let route = summary.route { metadata["switchyard.route"] = "\(route)" }
        if let provider = summary.provider { metadata["switchyard.provider"] = "\(provider)" }
        if let model = summary.model { metadata["switchyard.model"] = "\(model)" }
        if summary.fallbacks > 0 { metadata["switchyard.fallbacks"] = "\(summary.fallbacks)" }
        if let code = summary.errorCode { metadata["error.code"] = "\(code)" }
        logger.info("access", metadata: metadata)
    }
}
