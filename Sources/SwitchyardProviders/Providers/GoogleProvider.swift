import GoogleAuth
import Logging
import SwitchyardConfig
import SwitchyardCore
import SwitchyardHTTP

/// Google AI Studio (the Gemini Developer API) or Vertex AI behind the ``Provider`` protocol; the endpoint decides which.
///
/// - AI Studio: `{baseURL}/{v1beta|v1}/models/{id}:{method}` with `x-goog-api-key`.
/// - Vertex AI: `{host}/{v1beta1|v1}/projects/{p}/locations/{l}/publishers/google/models/{id}:{method}` with a bearer
///   token (plus `x-goog-user-project`), or in express mode `publishers/google/models/{id}` with `x-goog-api-key`.
///
/// Imagen models in the catalog (`api_method: predict`) answer `generateContent` through `:predict`; fields the backend
/// does not accept are refused or dropped per ``UnsupportedFieldPolicy``. Build one from configuration with
/// ``GoogleProviderFactory``, which also resolves credentials.
public struct GoogleProvider: Provider {
    private let engine: GoogleProviderEngine

    /// Creates the provider from parts.
    /// - Parameters:
    ///   - name: The configured name, used in errors and warnings.
    ///   - endpoint: Where calls go, and so which backend this is: ``GoogleEndpoint/aiStudio(apiVersion:baseURL:)``,
    ///     ``GoogleEndpoint/vertexAI(project:location:apiVersion:baseURL:)`` or
    ///     ``GoogleEndpoint/vertexAIExpress(apiVersion:baseURL:)``.
    ///   - models: The catalog's models and their capabilities, by id.
    ///   - credentials: An API-key source (AI Studio, Vertex express mode) or OAuth credentials (Vertex).
    ///   - transport: Carries the calls.
    ///   - unsupportedFields: Refuse (the default) or drop request fields the backend does not accept.
    ///   - apiMethods: How catalog models this provider does not serve are called (so an Imagen model is never sent
    ///     to `generateContent`); the served models' own methods always apply.
    ///   - logger: Where calls are logged, never with secrets.
    public init(
        name: String,
        endpoint: GoogleEndpoint,
        models: [String: ModelCapabilities],
        credentials: any CredentialSource,
        transport: any HTTPTransport,
        unsupportedFields: UnsupportedFieldPolicy = .refuse,
        apiMethods: [String: APIMethod] = [:],
        logger: Logger
    ) {
        self.engine = GoogleProviderEngine(
            name: name,
            endpoint: endpoint,
            models: models,
            apiMethods: apiMethods,
            credentials: credentials,
            transport: transport,
            unsupportedFields: unsupportedFields,
            logger: logger
        )
    }

    /// Creates the provider from its configuration and catalog; see ``GoogleProviderFactory`` to resolve credentials too.
    /// - Throws: ``SwitchyardError`` `configuration` for settings that describe no Google endpoint.
    public init(
        settings: ProviderSettings,
        catalog: ProviderCatalog,
        credentials: any CredentialSource,
        transport: any HTTPTransport,
        logger: Logger
    ) throws(SwitchyardError) {
        self.init(
            name: settings.name,
            endpoint: try GoogleProviderFactory.endpoint(settings: settings, catalog: catalog),
            models: GoogleProviderFactory.models(settings: settings, catalog: catalog),
            credentials: credentials,
            transport: transport,
            unsupportedFields: settings.unsupportedFields,
            apiMethods: catalog.models.mapValues(\.capabilities.apiMethod),
            logger: logger
        )
    }

    /// The endpoint calls go to.
    public var endpoint: GoogleEndpoint { engine.endpoint }

    /// The configured name.
    public var name: String { engine.name }

    /// The catalog's model ids, sorted.
    public var modelIDs: [String] { engine.modelIDs }

    /// The catalog's capabilities of a model, or `nil` when this provider does not serve it.
    public func capabilities(for model: String) -> ModelCapabilities? {
        engine.capabilities(for: model)
    }

    /// Generates content; an Imagen model answers with one inline image per candidate.
    public func generateContent(
        _ request: GenerateContentRequest,
        model: String,
        context: ProviderCallContext
    ) async throws -> ProviderReply<GenerateContentResponse> {
        try await engine.generateContent(request, model: model, context: context)
    }

    /// Opens a `streamGenerateContent?alt=sse` stream.
    public func streamGenerateContent(
        _ request: GenerateContentRequest,
        model: String,
        context: ProviderCallContext
    ) async throws -> ProviderReply<GenerateContentStream> {
        try await engine.streamGenerateContent(request, model: model, context: context)
    }

    /// Generates images: `:predict` on an Imagen model, `generateContent` on a Gemini image model.
    public func generateImages(
        _ request: ImagenPredictRequest,
        model: String,
        context: ProviderCallContext
    ) async throws -> ProviderReply<ImagenPredictResponse> {
        try await engine.generateImages(request, model: model, context: context)
    }

    /// Counts tokens. On AI Studio a system instruction, tools or generation config move into
    /// `generateContentRequest`; on Vertex AI a `generateContentRequest` is flattened into them.
    public func countTokens(
        _ request: CountTokensRequest,
        model: String,
        context: ProviderCallContext
    ) async throws -> ProviderReply<CountTokensResponse> {
        try await engine.countTokens(request, model: model, context: context)
    }

    /// Lists the backend's models (AI Studio `models`, Vertex AI `publishers/google/models`), every page.
    public func listModels(context: ProviderCallContext) async throws -> [ModelInfo] {
        try await engine.listModels(context: context)
    }
}
