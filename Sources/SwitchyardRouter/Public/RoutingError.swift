import SwitchyardCore

/// Every routing failure: the error to show the caller, plus the trail of what was tried.
///
/// `error` is, for example, ``SwitchyardCore/SwitchyardError/Code/noCapableTarget`` (400, listing each target and why
/// it was skipped), ``SwitchyardCore/SwitchyardError/Code/unknownModel`` (404), the last upstream error after every
/// target failed, or ``SwitchyardCore/SwitchyardError/Code/deadlineExceeded`` (504) when the request's deadline passed.
public struct RoutingError: Error, Sendable, CustomStringConvertible {
    /// The error to answer with.
    public var error: SwitchyardError
    /// What was tried.
    public var trail: AttemptTrail

    /// Creates a routing error.
    public init(error: SwitchyardError, trail: AttemptTrail) {
        self.error = error
        self.trail = trail
    }

    /// The error's description.
    public var description: String { error.description }
}
