/// One configured provider (`providers.NAME`).
public struct ProviderSettings: Sendable, Hashable {
    /// The configured name, e.g. `studio`.
    public var name: String
    /// The backend.
    public var type: ProviderType
    /// The API key (AI Studio, Vertex express mode), from `api_key` or `api_key_file`.
    public var apiKey: Secret?
    /// A base URL replacing the catalog's (emulator, proxy).
    public var baseURL: String?
    /// The API version; `nil` means the catalog's default.
    public var apiVersion: String?
    /// The Google Cloud project (Vertex).
    public var project: String?
    /// The location (Vertex), e.g. `us-central1`, `global`, `us`.
    public var location: String?
    /// Where OAuth credentials come from (Vertex).
    public var credentials: CredentialsSource?
    /// The project billed for quota (`x-goog-user-project`).
    public var quotaProject: String?
    /// What to do with request fields this backend does not accept.
    public var unsupportedFields: UnsupportedFieldPolicy = .refuse

    /// Creates settings for a provider.
    public init(name: String, type: ProviderType) {
        self.name = name
        self.type = type
    }
}

/// Where a Vertex provider's OAuth credentials come from.
public enum CredentialsSource: Sendable, Hashable {
    /// Application Default Credentials (`GOOGLE_APPLICATION_CREDENTIALS`, gcloud, metadata server).
    case applicationDefault
    /// A service-account (or authorized-user) JSON file; the path is absolute, resolved against the config file.
    case file(String)
}

/// What a provider does with request fields its backend does not accept.
public enum UnsupportedFieldPolicy: String, Sendable, Hashable {
    /// Answer 400 naming the field.
    case refuse
    /// Remove the field and send the rest.
    case drop
}
