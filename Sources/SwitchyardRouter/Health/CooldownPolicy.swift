import SwitchyardConfig

/// When a target is taken out of rotation (a circuit breaker per provider and model).
public struct CooldownPolicy: Sendable, Hashable {
    /// Consecutive retryable failures that open the breaker (at least 1).
    public var failures: Int
    /// How long an opened breaker skips the target before one probe request is let through.
    public var period: Duration
    /// How long a 429 naming a per-day quota (`QuotaFailure` quota id `…PerDay…`) skips the target, or the upstream's
    /// advised delay when that is longer.
    public var perDayPeriod: Duration

    /// Creates a policy.
    public init(failures: Int = 3, period: Duration = .seconds(30), perDayPeriod: Duration = .seconds(3600)) {
        self.failures = max(1, failures)
        self.period = max(.zero, period)
        self.perDayPeriod = max(.zero, perDayPeriod)
    }

    /// The policy of a configuration's `retry.cooldown` section; the per-day period keeps its default of one hour.
    public init(settings: CooldownSettings, perDayPeriod: Duration = .seconds(3600)) {
        self.init(failures: settings.failures, period: settings.period, perDayPeriod: perDayPeriod)
    }
}
