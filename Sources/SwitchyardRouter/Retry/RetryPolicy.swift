import SwitchyardConfig
import SwitchyardCore

/// How one target is retried: exponential backoff with full jitter, upstream advice honoured up to a cap.
///
/// The wait before attempt `n + 1` is a uniform draw from `[0, min(maxBackoff, initialBackoff × 2^(n-1))]`
/// ("full jitter"), unless the failure carries `RetryInfo.retryDelay` or `Retry-After`, which takes precedence.
/// An advised wait longer than ``maxRetryDelay``, or a spent attempt budget, moves on to the next target instead.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per target, the first included (at least 1).
    public var maxAttempts: Int
    /// The ceiling of the first backoff; it doubles per attempt.
    public var initialBackoff: Duration
    /// The highest backoff ceiling.
    public var maxBackoff: Duration
    /// The longest upstream-advised wait worth waiting for.
    public var maxRetryDelay: Duration

    /// Creates a policy.
    public init(
        maxAttempts: Int = 3,
        initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8),
        maxRetryDelay: Duration = .seconds(30)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = max(.zero, initialBackoff)
        self.maxBackoff = max(.zero, maxBackoff)
        self.maxRetryDelay = max(.zero, maxRetryDelay)
    }

    /// The policy of a configuration's `retry:` section.
    public init(settings: RetrySettings) {
        self.init(
            maxAttempts: settings.maxAttempts,
            initialBackoff: settings.initialBackoff,
            maxBackoff: settings.maxBackoff,
            maxRetryDelay: settings.maxRetryDelay
        )
    }

    /// The upper bound of the jittered wait after attempt `attempt` (1-based) failed:
    /// `min(maxBackoff, initialBackoff × 2^(attempt-1))`, computed without overflow.
    public func backoffCeiling(afterAttempt attempt: Int) -> Duration {
        let initial = initialBackoff.nanoseconds
        let cap = maxBackoff.nanoseconds
        guard initial > 0, cap > 0 else { return .zero }
        var ceiling = initial
        var doublings = max(0, attempt - 1)
        while doublings > 0, ceiling < cap {
            ceiling = ceiling > cap / 2 ? cap : ceiling * 2
            doublings -= 1
        }
        return .nanoseconds(min(ceiling, cap))
    }

    /// The full-jitter wait after attempt `attempt` failed, for a random `unit` in `[0, 1)`.
    public func backoff(afterAttempt attempt: Int, unit: Double) -> Duration {
        let ceiling = backoffCeiling(afterAttempt: attempt).nanoseconds
        let fraction = min(max(unit, 0), 1)
        return .nanoseconds(Int64((Double(ceiling) * fraction).rounded(.down)))
    }

    /// What to do after attempt `attempt` at one target failed retryably.
    /// - Parameters:
    ///   - error: The failure; its ``SwitchyardCore/SwitchyardError/retryAfter`` takes precedence over backoff.
    ///   - attempt: The 1-based number of the attempt that failed.
    ///   - unit: A random number in `[0, 1)` for the jitter.
    public func decision(after error: SwitchyardError, attempt: Int, unit: Double) -> RetryDecision {
        if attempt >= maxAttempts {
            return .moveOn(reason: "\(maxAttempts) attempt\(maxAttempts == 1 ? "" : "s") made")
        }
        if let advised = error.retryAfter {
            if advised > maxRetryDelay {
                return .moveOn(reason: "upstream asks to wait \(advised.compactText), more than max_retry_delay \(maxRetryDelay.compactText)")
            }
            return .retry(after: advised, advised: true)
        }
        return .retry(after: backoff(afterAttempt: attempt, unit: unit), advised: false)
    }
}

/// The retry policy's verdict after a retryable failure.
public enum RetryDecision: Sendable, Hashable {
    /// Wait, then try the same target again. `advised` says the wait came from the upstream (`RetryInfo`, `Retry-After`).
    case retry(after: Duration, advised: Bool)
    /// Do not wait; go to the next target.
    case moveOn(reason: String)
}

extension Duration {
    /// The duration in whole nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow2 ? .max : sum
    }

    /// `250ms`, `2s`, `1.5s`, `3600s`: short text for logs and messages.
    var compactText: String {
        let nanos = nanoseconds
        if nanos % 1_000_000_000 == 0 { return "\(nanos / 1_000_000_000)s" }
        if nanos < 1_000_000_000, nanos % 1_000_000 == 0 { return "\(nanos / 1_000_000)ms" }
        let seconds = Double(nanos) / 1e9
        return "\((seconds * 1000).rounded() / 1000)s"
    }
}
