/// The time source of the router: now, and sleeping until an instant. Injectable so tests of backoff and deadlines
/// are exact; production uses ``continuous``.
public struct RouterClock: Sendable {
    /// The current instant.
    public var now: @Sendable () -> ContinuousClock.Instant
    /// Sleeps until an instant; throws `CancellationError` when the task is cancelled.
    public var sleepUntil: @Sendable (ContinuousClock.Instant) async throws -> Void

    /// Creates a clock from its two functions.
    public init(
        now: @escaping @Sendable () -> ContinuousClock.Instant,
        sleepUntil: @escaping @Sendable (ContinuousClock.Instant) async throws -> Void
    ) {
        self.now = now
        self.sleepUntil = sleepUntil
    }

    /// The system's continuous clock.
    public static let continuous = RouterClock(
        now: { ContinuousClock.now },
        sleepUntil: { instant in try await Task.sleep(until: instant, clock: .continuous) }
    )
}

/// The random numbers of the router (jitter, weighted choice): uniform in `[0, 1)`. Injectable for exact tests.
public struct RandomSource: Sendable {
    /// The next number in `[0, 1)`.
    public var next: @Sendable () -> Double

    /// Creates a source from a function.
    public init(next: @escaping @Sendable () -> Double) {
        self.next = next
    }

    /// The system's random generator.
    public static let system = RandomSource(next: { Double.random(in: 0..<1) })
}
