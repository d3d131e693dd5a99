/// How a request was served: who answered and everything tried on the way.
public struct AttemptTrail: Sendable, Hashable {
    /// The route name, or the catalog model asked for.
    public var route: String
    /// The provider that answered; `nil` when nobody did.
    public var provider: String?
    /// The model that answered; `nil` when nobody did.
    public var model: String?
    /// Every try, in order.
    public var attempts: [Attempt]
    /// The targets not tried, with reasons.
    public var skipped: [SkippedTarget]
    /// How many times the request moved on to another target after trying one.
    public var fallbacks: Int

    /// Creates a trail.
    public init(
        route: String,
        provider: String? = nil,
        model: String? = nil,
        attempts: [Attempt] = [],
        skipped: [SkippedTarget] = [],
        fallbacks: Int = 0
    ) {
        self.route = route
        self.provider = provider
        self.model = model
        self.attempts = attempts
        self.skipped = skipped
        self.fallbacks = fallbacks
    }

    /// The attempts as one header value: `studio/gemini-2.5-flash=upstreamUnavailable, vertex/gemini-2.5-flash=success`.
    public var attemptsHeaderValue: String {
        attempts.map { "\($0.provider)/\($0.model)=\($0.outcome.label)" }.joined(separator: ", ")
    }
}
