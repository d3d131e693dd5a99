/// A provider's catalog (`Providers/<type>.yaml`): how to reach it and the models it offers.
public struct ProviderCatalog: Sendable, Hashable {
    /// The provider type the catalog describes.
    public var type: ProviderType
    /// A human name.
    public var displayName: String
    /// The authentication kinds the provider accepts.
    public var authKinds: [AuthKind]
    /// Endpoint templates and API versions.
    public var endpoint: EndpointTemplate
    /// The locations the provider has (Vertex); empty when not regional.
    public var regions: [String]
    /// The models, by id.
    public var models: [String: CatalogModel]

    /// Creates a catalog.
    public init(
        type: ProviderType,
        displayName: String,
        authKinds: [AuthKind],
        endpoint: EndpointTemplate,
        regions: [String] = [],
        models: [String: CatalogModel]
    ) {
        self.type = type
        self.displayName = displayName
        self.authKinds = authKinds
        self.endpoint = endpoint
        self.regions = regions
        self.models = models
    }

    /// The model with an id, if the catalog has it.
    public func model(_ id: String) -> CatalogModel? {
        models[id]
    }

    /// The model ids, sorted.
    public var modelIDs: [String] {
        models.keys.sorted()
    }
}
