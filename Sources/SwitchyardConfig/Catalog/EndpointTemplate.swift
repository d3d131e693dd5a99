import Foundation

/// Where a provider's API lives and how model paths are formed, from its catalog file.
public struct EndpointTemplate: Sendable, Hashable {
    /// The base URL; may contain `{location}` (Vertex regional hosts).
    public var baseURL: String
    /// The base URL for location `global` (Vertex).
    public var globalBaseURL: String?
    /// The base URL for multi-region locations; contains `{location}` (Vertex `us`, `eu`).
    public var multiRegionBaseURL: String?
    /// Locations that use ``multiRegionBaseURL``.
    public var multiRegions: [String]
    /// The base URL of express mode (Vertex with an API key).
    public var expressBaseURL: String?
    /// The API versions the provider serves.
    public var apiVersions: [String]
    /// The version used when the configuration names none.
    public var defaultAPIVersion: String
    /// The model's resource path; may contain `{model}`, `{project}`, `{location}`.
    public var modelPath: String
    /// The model's resource path in express mode.
    public var expressModelPath: String?

    /// Creates an endpoint template.
    public init(
        baseURL: String,
        globalBaseURL: String? = nil,
        multiRegionBaseURL: String? = nil,
        multiRegions: [String] = [],
        expressBaseURL: String? = nil,
        apiVersions: [String],
        defaultAPIVersion: String,
        modelPath: String,
        expressModelPath: String? = nil
    ) {
        self.baseURL = baseURL
        self.globalBaseURL = globalBaseURL
        self.multiRegionBaseURL = multiRegionBaseURL
        self.multiRegions = multiRegions
        self.expressBaseURL = expressBaseURL
        self.apiVersions = apiVersions
        self.defaultAPIVersion = defaultAPIVersion
        self.modelPath = modelPath
        self.expressModelPath = expressModelPath
    }

    /// The base URL for a location: `global` (or none) → the global host, a multi-region → its `.rep.` host,
    /// any other region → the regional host. No trailing slash.
    public func baseURL(location: String?) -> String {
        guard let location, !location.isEmpty, location != "global" else {
            return globalBaseURL ?? baseURL.replacingFirst("{location}-", with: "")
        }
        if multiRegions.contains(location), let multiRegionBaseURL {
            return multiRegionBaseURL.replacingFirst("{location}", with: location)
        }
        return baseURL.replacingFirst("{location}", with: location)
    }

    /// The model's resource path, e.g. `models/gemini-2.0-flash` or
    /// `projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash`.
    public func modelPath(model: String, project: String? = nil, location: String? = nil, express: Bool = false) -> String {
        let template = express ? expressModelPath ?? modelPath : modelPath
        return template.replacingFirst("{model}", with: model)
            .replacingFirst("{project}", with: project ?? "")
            .replacingFirst("{location}", with: location ?? "global")
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
