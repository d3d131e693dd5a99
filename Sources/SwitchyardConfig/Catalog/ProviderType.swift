import SwitchyardCore

/// The kind of a provider: which backend it talks to and which catalog describes it.
public struct ProviderType: WireEnum {
    /// The name used in configuration and catalog files.
    public let rawValue: String

    /// Creates a type from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Google AI Studio, the Gemini Developer API.
    public static let googleAIStudio: Self = "google-ai-studio"
    /// Google Cloud Vertex AI.
    public static let vertexAI: Self = "vertex-ai"
}

/// How a provider authenticates.
public struct AuthKind: WireEnum {
    /// The name used in catalog files.
    public let rawValue: String

    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An API key in `x-goog-api-key`.
    public static let apiKey: Self = "api_key"
    /// An OAuth bearer token (service account, ADC).
    public static let oauth: Self = "oauth"
    /// Vertex express mode: an API key and no project in the path.
    public static let apiKeyExpress: Self = "api_key_express"
}
