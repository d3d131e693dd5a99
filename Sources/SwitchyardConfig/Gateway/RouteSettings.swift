/// A named route (`routes.NAME`): the targets a request for this name may go to.
public struct RouteSettings: Sendable, Hashable {
    /// The route's name; clients use it as the model name.
    public var name: String
    /// How targets are chosen.
    public var strategy: RouteStrategy
    /// The targets, in order.
    public var targets: [RouteTarget]

    /// Creates a route.
    public init(name: String, strategy: RouteStrategy = .fallback, targets: [RouteTarget]) {
        self.name = name
        self.strategy = strategy
        self.targets = targets
    }
}

/// One target of a route: a configured provider and one of its catalog's models.
public struct RouteTarget: Sendable, Hashable {
    /// The configured provider's name.
    public var provider: String
    /// The model id.
    public var model: String
    /// The share of traffic under the weighted strategy.
    public var weight: Int

    /// Creates a target.
    public init(provider: String, model: String, weight: Int = 1) {
        self.provider = provider
        self.model = model
        self.weight = weight
    }
}

/// How a route picks among its targets.
public enum RouteStrategy: String, Sendable, Hashable {
    /// In order; the next target only when the previous cannot serve or fails retryably.
    case fallback
    /// Spread by weight, falling back to the others on failure.
    case weighted
}
