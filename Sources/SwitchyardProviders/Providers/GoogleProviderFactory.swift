import GoogleAuth
import Logging
import SwitchyardConfig
import SwitchyardCore
import SwitchyardHTTP

/// Builds the right adapter for a configured provider, with its credentials.
///
/// ```swift
/// let provider = try await GoogleProviderFactory.makeProvider(
///     settings: configuration.providers["vertex"]!,
///     catalog: catalogs[.vertexAI]!,
///     transport: transport,
///     credentialContext: CredentialContext(transport: transport, environment: .process),
///     logger: logger
/// )
/// ```
///
/// Credentials: AI Studio uses the API key. Vertex AI with a project uses the credentials file, or Application Default
/// Credentials when none is configured; Vertex AI with an API key and no project is express mode.
public enum GoogleProviderFactory {
    /// Builds a ``GoogleProvider`` for AI Studio or Vertex AI and resolves its credentials.
    /// - Throws: ``SwitchyardError`` `configuration` for inconsistent settings, or the credentials error
    ///   (`unauthenticated`) when no credential could be built.
    public static func makeProvider(
        settings: ProviderSettings,
        catalog: ProviderCatalog,
        transport: any HTTPTransport,
        credentialContext: CredentialContext,
        logger: Logger
    ) async throws(SwitchyardError) -> any Provider {
        let credentials: any CredentialSource
        do {
            credentials = try await credentialFactory(settings: settings).makeSource(context: credentialContext)
        } catch let error as SwitchyardError {
            throw error
        } catch {
            var mapped = UpstreamErrorMapping.map(error, provider: settings.name, model: nil)
            mapped.code = .configuration
            throw mapped
        }
        return try makeProvider(settings: settings, catalog: catalog, credentials: credentials, transport: transport, logger: logger)
    }

    /// Builds the adapter for already-resolved credentials.
    /// - Throws: ``SwitchyardError`` `configuration` for an unknown provider type or inconsistent settings.
    public static func makeProvider(
        settings: ProviderSettings,
        catalog: ProviderCatalog,
        credentials: any CredentialSource,
        transport: any HTTPTransport,
        logger: Logger
    ) throws(SwitchyardError) -> any Provider {
        switch settings.type {
        case .googleAIStudio, .vertexAI:
            return try GoogleProvider(settings: settings, catalog: catalog, credentials: credentials, transport: transport, logger: logger)
        default:
            throw SwitchyardError(
                .configuration,
                "provider \"\(settings.name)\" has type \"\(settings.type)\"; supported: google-ai-studio, vertex-ai",
                provider: settings.name
            )
        }
    }

    /// Where the credentials come from: AI Studio → the API key; Vertex AI → the credentials file or ADC (with the
    /// quota project), or the API key in express mode (no project).
    /// - Throws: ``SwitchyardError`` `configuration` when the settings name no usable credential.
    public static func credentialFactory(settings: ProviderSettings) throws(SwitchyardError) -> CredentialSourceFactory {
        func problem(_ text: String) -> SwitchyardError {
            SwitchyardError(.configuration, "provider \"\(settings.name)\": \(text)", provider: settings.name)
        }
        switch settings.type {
        case .googleAIStudio:
            guard let key = settings.apiKey else { throw problem("Google AI Studio needs an API key (api_key or api_key_file)") }
            if settings.credentials != nil { throw problem("Google AI Studio takes an API key, not OAuth credentials") }
            return .apiKey(key.value, quotaProject: settings.quotaProject)
        case .vertexAI:
            if settings.project == nil {
                guard let key = settings.apiKey else {
                    throw problem("Vertex AI needs a project (with credentials or ADC), or an API key for express mode")
                }
                if settings.credentials != nil { throw problem("Vertex AI express mode (an API key, no project) takes no OAuth credentials") }
                return .apiKey(key.value, quotaProject: settings.quotaProject)
            }
            if settings.apiKey != nil {
                throw problem(
                    "an API key works only in Vertex AI express mode (no project); with a project, use credentials or Application Default Credentials"
                )
            }
            switch settings.credentials {
            case .file(let path):
                return .credentialsFile(path, quotaProject: settings.quotaProject)
            case .applicationDefault, nil:
                return .applicationDefault(quotaProject: settings.quotaProject)
            }
        default:
            throw problem("unsupported provider type \"\(settings.type)\"")
        }
    }

    /// The endpoint of a configured provider: the `base_url` override, or the catalog's host for the location
    /// (`global` → the global host, `us`/`eu` → the `.rep.` hosts, express mode → the express host), and the
    /// configured API version or the catalog's default.
    /// - Throws: ``SwitchyardError`` `configuration` for a malformed URL, version, project or location.
    public static func endpoint(settings: ProviderSettings, catalog: ProviderCatalog) throws(SwitchyardError) -> GoogleEndpoint {
        let template = catalog.endpoint
        let version = settings.apiVersion ?? template.defaultAPIVersion
        switch settings.type {
        case .googleAIStudio:
            return try GoogleEndpoint.resolved(backend: .aiStudio, baseURL: settings.baseURL ?? template.baseURL(location: nil), apiVersion: version)
        case .vertexAI:
            if settings.project == nil {
                let host = template.expressBaseURL ?? template.baseURL(location: nil)
                return try GoogleEndpoint.resolved(backend: .vertexAI, baseURL: settings.baseURL ?? host, apiVersion: version)
            }
            let location = settings.location.flatMap { $0.isEmpty ? nil : $0 } ?? "global"
            return try GoogleEndpoint.resolved(
                backend: .vertexAI,
                baseURL: settings.baseURL ?? template.baseURL(location: location),
                apiVersion: version,
                project: settings.project,
                location: location
            )
        default:
            throw SwitchyardError(
                .configuration,
                "provider \"\(settings.name)\" has an unsupported type \"\(settings.type)\"",
                provider: settings.name
            )
        }
    }

    /// The models a configured provider serves: the catalog's, and on Vertex AI only those offered in the provider's
    /// location (`global` when none is set), so a regional provider never routes to a model its region lacks.
    public static func models(settings: ProviderSettings, catalog: ProviderCatalog) -> [String: ModelCapabilities] {
        var models: [String: ModelCapabilities] = [:]
        let location = settings.type == .vertexAI ? (settings.location.flatMap { $0.isEmpty ? nil : $0 } ?? "global") : nil
        for (id, model) in catalog.models {
            if let location, !model.isOffered(in: location) { continue }
            models[id] = model.capabilities
        }
        return models
    }
}
