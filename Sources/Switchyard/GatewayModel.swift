/// A name clients may use as the model: a configured route or a catalog model, with where it goes.
public struct GatewayModel: Sendable, Hashable {
    /// The route name or catalog model id.
    public var id: String
    /// Whether ``id`` is a configured route (else a catalog model served by every provider listed).
    public var isRoute: Bool
    /// The targets, in configured order.
    public var targets: [RouteTarget]
    /// What the first target can do.
    public var capabilities: ModelCapabilities?

    /// Creates an entry.
    public init(id: String, isRoute: Bool, targets: [RouteTarget], capabilities: ModelCapabilities?) {
        self.id = id
        self.isRoute = isRoute
        self.targets = targets
        self.capabilities = capabilities
    }
}
