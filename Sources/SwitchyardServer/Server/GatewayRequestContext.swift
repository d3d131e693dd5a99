import Hummingbird

/// The per-request context: Hummingbird's core storage only; request state lives in ``RequestSummary``.
public struct GatewayRequestContext: RequestContext {
    /// Hummingbird's storage (logger, request id, parameters).
    public var coreContext: CoreRequestContextStorage

    /// Creates the context for a request on a connection.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
