/// How often, and after what pauses, a token request is retried: google-auth's `ExponentialBackoff`.
///
/// The default, ``googleAuth``, makes 3 attempts in total and waits about 1 s, then about 2 s, each ±10 %.
/// Tests inject a schedule with tiny delays to count attempts quickly.
public struct TokenRetrySchedule: Sendable, Hashable {
    /// Attempts in total, the first included.
    public var totalAttempts: Int
    /// The nominal wait before the first retry.
    public var initialDelay: Duration
    /// How much each nominal wait grows over the previous one.
    public var multiplier: Double
    /// How far a wait may stray from its nominal value, as a fraction (0.1 = ±10 %).
    public var randomization: Double

    /// Creates a schedule. Out-of-range values are clamped: at least 1 attempt, no negative delay, a multiplier of at
    /// least 1 and a randomization between 0 and 1.
    public init(totalAttempts: Int, initialDelay: Duration, multiplier: Double = 2, randomization: Double = 0.1) {
        self.totalAttempts = max(1, totalAttempts)
        self.initialDelay = max(.zero, initialDelay)
        self.multiplier = multiplier.isFinite ? max(1, multiplier) : 1
        self.randomization = randomization.isFinite ? min(max(0, randomization), 1) : 0
    }

    /// google-auth's schedule for token endpoints: 3 attempts, ~1 s then ~2 s, ±10 %.
    public static let googleAuth = TokenRetrySchedule(totalAttempts: 3, initialDelay: .seconds(1))

    /// The nominal wait before retry number `retry` (1 for the wait after the first attempt).
    public func nominalDelay(beforeRetry retry: Int) -> Duration {
        .seconds(Self.seconds(initialDelay) * pow(multiplier, max(0, retry - 1)))
    }

    /// The range the actual wait before retry number `retry` is drawn from.
    public func delayRange(beforeRetry retry: Int) -> ClosedRange<Duration> {
        let nominal = Self.seconds(nominalDelay(beforeRetry: retry))
        return .seconds(nominal * (1 - randomization)) ... .seconds(nominal * (1 + randomization))
    }

    /// A wait before retry number `retry`, drawn uniformly from ``delayRange(beforeRetry:)``.
    public func delay(beforeRetry retry: Int) -> Duration {
        let range = delayRange(beforeRetry: retry)
        return .seconds(Double.random(in: Self.seconds(range.lowerBound)...Self.seconds(range.upperBound)))
    }

    /// The same schedule with another number of attempts.
    func withTotalAttempts(_ attempts: Int) -> TokenRetrySchedule {
        var copy = self
        copy.totalAttempts = max(1, attempts)
        return copy
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func pow(_ base: Double, _ exponent: Int) -> Double {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }
}
