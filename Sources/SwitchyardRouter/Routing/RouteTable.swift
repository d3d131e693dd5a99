import SwitchyardConfig
import SwitchyardCore

/// The routes of one configuration, resolved once at load: each name (route or catalog model) to its targets with
/// their capabilities.
struct RouteTable: Sendable {
    /// One resolved target.
    struct Target: Sendable, Hashable {
        var key: TargetKey
        var weight: Int
        /// What the model can do on this provider; `nil` when the provider does not know the model.
        var capabilities: ModelCapabilities?
        /// Why the target can never be used (its provider failed to build), if so.
        var unavailable: String?
    }

    /// A route or a catalog model, with its targets in configured order.
    struct Route: Sendable {
        var name: String
        var strategy: RouteStrategy
        var targets: [Target]
        var isRoute: Bool
    }

    private(set) var routes: [String: Route] = [:]
    private(set) var catalogModels: [String: Route] = [:]

    /// Resolves a configuration's routes and catalog models against the providers that were built.
    /// - Parameters:
    ///   - providerOrder: The provider names in the order a catalog model lists them as targets.
    init(configuration: GatewayConfiguration, providers: [String: any Provider], providerOrder: [String]) {
        func target(provider: String, model: String, weight: Int) -> Target {
            let key = TargetKey(provider: provider, model: model)
            guard let instance = providers[provider] else {
                return Target(
                    key: key,
                    weight: weight,
                    capabilities: configuration.model(model, provider: provider)?.capabilities,
                    unavailable: "provider \(provider) is not available"
                )
            }
            // The provider's word wins over the catalog's: a Vertex provider does not serve models its location lacks.
            return Target(key: key, weight: weight, capabilities: instance.capabilities(for: model), unavailable: nil)
        }
        for (name, settings) in configuration.routes {
            routes[name] = Route(
                name: name,
                strategy: settings.strategy,
                targets: settings.targets.map { target(provider: $0.provider, model: $0.model, weight: $0.weight) },
                isRoute: true
            )
        }
        for provider in providerOrder {
            let modelIDs = providers[provider]?.modelIDs ?? configuration.catalogs[provider]?.modelIDs ?? []
            for model in modelIDs {
                catalogModels[model, default: Route(name: model, strategy: .fallback, targets: [], isRoute: false)]
                    .targets.append(target(provider: provider, model: model, weight: 1))
            }
        }
    }

    /// The route for a name a request gives: a route first, then a catalog model id (`models/` prefix allowed).
    func route(for name: String) -> Route? {
        let bare = name.hasPrefix("models/") ? String(name.dropFirst("models/".count)) : name
        return routes[bare] ?? catalogModels[bare]
    }

    /// Route names, sorted.
    var routeNames: [String] { routes.keys.sorted() }

    /// Catalog model ids, sorted.
    var catalogModelIDs: [String] { catalogModels.keys.sorted() }
}
