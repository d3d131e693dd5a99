import Foundation

/// The wall clock credentials read: for JWT `iat`/`exp` and for deciding when a cached token is due for refresh.
///
/// Tests inject a clock they move by hand, so refresh timing is tested without sleeping.
public struct AuthClock: Sendable {
    /// Returns the current time.
    public let now: @Sendable () -> Date

    /// Creates a clock from a function that reads the time.
    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The system's wall clock.
    public static let system = AuthClock { Date() }
}
