import SwitchyardCore

/// One model of a provider catalog: its capabilities, where it is offered, and where the facts come from.
public struct CatalogModel: Sendable, Hashable {
    /// The model id, e.g. `gemini-2.5-flash`.
    public var id: String
    /// A human name.
    public var displayName: String?
    /// What the model can do.
    public var capabilities: ModelCapabilities
    /// The locations the model is offered in (Vertex); `nil` when not region-bound.
    public var locations: [String]?
    /// Where the facts come from (`source:` in the catalog).
    public var source: String?

    /// Creates a catalog entry.
    public init(id: String, displayName: String? = nil, capabilities: ModelCapabilities, locations: [String]? = nil, source: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.capabilities = capabilities
        self.locations = locations
        self.source = source
    }

    /// Whether the model is offered in a location; always true when the catalog lists no locations.
    public func isOffered(in location: String) -> Bool {
        locations?.contains(location) ?? true
    }
}
