import Switchyard

/// What one request did, gathered while it runs and reported once at its end (access log and metrics).
struct RequestSummary: Sendable {
    var requestID: String
    var method: String
    /// The path without its query (a query may hold `key=`).
    var path: String
    var surface: Surface
    var operation: String
    var start: ContinuousClock.Instant
    var status = 200
    /// The route or model asked for, once known to the gateway; `nil` for unknown models (keeps label cardinality bounded).
    var route: String?
    var provider: String?
    var model: String?
    var attempts = 0
    var fallbacks = 0
    var attemptRecords: [Attempt] = []
    /// Time spent in upstream attempts.
    var upstreamTime: Duration = .zero
    /// When the answer (or the first stream event) was ready.
    var answeredAt: ContinuousClock.Instant?
    /// The error code, when the request failed.
    var errorCode: String?
    /// Whether the client went away before the answer was complete.
    var cancelled = false
    /// Whether a stream failed after its headers were sent.
    var streamFailed = false

    init(requestID: String, method: String, path: String, surface: Surface, operation: String, start: ContinuousClock.Instant) {
        self.requestID = requestID
        self.method = method
        self.path = path
        self.surface = surface
        self.operation = operation
        self.start = start
    }

    /// Takes route, provider, model and attempts from the router's trail.
    mutating func record(_ trail: AttemptTrail, knownRoute: Bool = true) {
        route = knownRoute ? trail.route : nil
        provider = trail.provider
        model = trail.model
        attempts = trail.attempts.count
        fallbacks = trail.fallbacks
        attemptRecords = trail.attempts
        upstreamTime = trail.attempts.reduce(Duration.zero) { $0 + $1.duration }
    }

    /// `success`, `client_error`, `upstream_error`, `server_error`, `cancelled` or `stream_error`.
    var outcome: String {
        if cancelled { return "cancelled" }
        if streamFailed { return "stream_error" }
        switch status {
        case 200..<300: return "success"
        case 400..<500: return "client_error"
        default: return attempts > 0 ? "upstream_error" : "server_error"
        }
    }
}
