/// The health of one target, as the router sees it.
public struct CooldownState: Sendable, Hashable, CustomStringConvertible {
    /// The configured provider.
    public var provider: String
    /// The model.
    public var model: String
    /// Closed, open or half-open.
    public var phase: Phase
    /// Retryable failures in a row.
    public var consecutiveFailures: Int
    /// When an open breaker lets a probe through; `nil` unless open.
    public var reopensAt: ContinuousClock.Instant?
    /// Why the breaker opened, e.g. `3 consecutive failures` or `per-day quota exhausted`.
    public var reason: String?

    /// Creates a state record.
    public init(
        provider: String,
        model: String,
        phase: Phase,
        consecutiveFailures: Int,
        reopensAt: ContinuousClock.Instant? = nil,
        reason: String? = nil
    ) {
        self.provider = provider
        self.model = model
        self.phase = phase
        self.consecutiveFailures = consecutiveFailures
        self.reopensAt = reopensAt
        self.reason = reason
    }

    /// `studio/gemini-2.5-flash: open (3 consecutive failures)`.
    public var description: String {
        "\(provider)/\(model): \(phase)" + (reason.map { " (\($0))" } ?? "")
    }

    /// A breaker's phase.
    public enum Phase: String, Sendable, Hashable, CustomStringConvertible {
        /// Requests flow.
        case closed
        /// The target is skipped until ``CooldownState/reopensAt``.
        case open
        /// The period is over; one probe request decides whether the breaker closes or opens again.
        case halfOpen

        /// The gauge value reported in metrics: 0 closed, 1 open, 2 half-open.
        public var gaugeValue: Int {
            switch self {
            case .closed: 0
            case .open: 1
            case .halfOpen: 2
            }
        }

        /// The phase's name.
        public var description: String { rawValue }
    }
}
