/// Where one configured provider's requests go: its catalog's endpoint template resolved with the provider's settings.
public struct ProviderEndpoint: Sendable, Hashable {
    /// The base URL: the configured `base_url`, or the catalog's host for the provider's location. No trailing slash.
    public var baseURL: String
    /// The API version: the configured one, or the catalog's default.
    public var apiVersion: String
    /// The Google Cloud project (Vertex).
    public var project: String?
    /// The location (Vertex).
    public var location: String?
    /// Whether this is Vertex express mode (API key, no project in the path).
    public var express: Bool
    /// The catalog's template.
    public var template: EndpointTemplate

    /// The URL of a model method, e.g. `https://…/v1beta/models/gemini-2.0-flash:generateContent`. Add `?alt=sse`
    /// for `streamGenerateContent`.
    public func url(model: String, method: String) -> String {
        let path = template.modelPath(model: model, project: project, location: location, express: express)
        return "\(baseURL)/\(apiVersion)/\(path):\(method)"
    }
}

extension GatewayConfiguration {
    /// The resolved endpoint of a configured provider, or `nil` when there is no such provider.
    public func endpoint(forProvider name: String) -> ProviderEndpoint? {
        guard let settings = providers[name], let catalog = catalogs[name] else { return nil }
        let express = settings.type == .vertexAI && settings.apiKey != nil && settings.project == nil
        let catalogBase =
            express
            ? catalog.endpoint.expressBaseURL ?? catalog.endpoint.baseURL(location: nil) : catalog.endpoint.baseURL(location: settings.location)
        return ProviderEndpoint(
            baseURL: settings.baseURL ?? catalogBase,
            apiVersion: settings.apiVersion ?? catalog.endpoint.defaultAPIVersion,
            project: settings.project,
            location: settings.location,
            express: express,
            template: catalog.endpoint
        )
    }
}
