/// What a provider needs to know about one call besides the request itself.
public struct ProviderCallContext: Sendable {
    /// An identifier of the gateway request this call belongs to, for logs.
    public var requestID: String
    /// The latest instant the call may end; the provider derives its timeouts and `X-Server-Timeout` from it.
    public var deadline: ContinuousClock.Instant?

    /// Creates a call context.
    public init(requestID: String = "", deadline: ContinuousClock.Instant? = nil) {
        self.requestID = requestID
        self.deadline = deadline
    }
}
