/// Retry and cool-down policy (`retry:`).
public struct RetrySettings: Sendable, Hashable {
    /// Attempts per target, the first included.
    public var maxAttempts: Int = 3
    /// The first backoff; it doubles per attempt.
    public var initialBackoff: Duration = .milliseconds(500)
    /// The longest backoff.
    public var maxBackoff: Duration = .seconds(8)
    /// The longest upstream-advised delay (`RetryInfo`, `Retry-After`) worth waiting for; longer ones move on.
    public var maxRetryDelay: Duration = .seconds(30)
    /// When a failing target is taken out of rotation.
    public var cooldown = CooldownSettings()

    /// Creates settings with defaults.
    public init() {}
}

/// When a target is cooled down (`retry.cooldown`).
public struct CooldownSettings: Sendable, Hashable {
    /// Consecutive retryable failures that start a cool-down.
    public var failures: Int = 3
    /// How long the target stays out of rotation.
    public var period: Duration = .seconds(30)
    /// How long a 429 for a per-day quota takes the target out of rotation (or the advised delay, if longer).
    public var perDayPeriod: Duration = .seconds(3600)

    /// Creates settings with defaults.
    public init() {}
}

/// Time limits (`timeouts:`).
public struct TimeoutSettings: Sendable, Hashable {
    /// Connecting to an upstream.
    public var connect: Duration = .seconds(10)
    /// A whole non-streaming request.
    public var request: Duration = .seconds(120)
    /// Silence between two stream chunks.
    public var streamIdle: Duration = .seconds(60)

    /// Creates settings with defaults.
    public init() {}
}
