/// A backend that serves Gemini and Imagen models: Google AI Studio or Vertex AI.
///
/// This is the seam between the router and the adapters. Requests and answers are always the one request model
/// (Gemini's GenerateContent, Imagen's `:predict`); URLs, authentication, model paths, fields only one backend accepts
/// and error shapes stay inside the adapter. Every failure is thrown as a ``SwitchyardError`` carrying the provider,
/// the model, the HTTP and Google status and retry advice.
public protocol Provider: Sendable {
    /// The provider's name in the gateway configuration, e.g. `studio`.
    var name: String { get }

    /// The models this provider serves, by catalog id (`gemini-2.5-flash`, `imagegeneration@006`).
    var modelIDs: [String] { get }

    /// What a model can do on this provider, or `nil` when the provider does not serve it.
    func capabilities(for model: String) -> ModelCapabilities?

    /// Generates content. An Imagen (`predict`) model answers a single-turn text-to-image request with inline image parts.
    /// - Throws: ``SwitchyardError``.
    func generateContent(
        _ request: GenerateContentRequest,
        model: String,
        context: ProviderCallContext
    ) async throws -> ProviderReply<GenerateContentResponse>

    /// Opens a stream of partial responses. Returns once the backend has accepted the request (status 200),
    /// before any event has been read, so a caller may still fall back if the first event fails.
    /// - Throws: ``SwitchyardError``; the stream itself also throws ``SwitchyardError`` when an error event arrives.
    func streamGenerateContent(
        _ request: GenerateContentRequest,
        model: String,
        context: ProviderCallContext
    ) async throws -> ProviderReply<GenerateContentStream>

    /// Generates images from an Imagen-shaped request. A Gemini image model answers it through `generateContent`,
    /// its inline images returned as predictions.
    /// - Throws: ``SwitchyardError``.
    func generateImages(
        _ request: ImagenPredictRequest,
        model: String,
        context: ProviderCallContext
    ) async throws -> ProviderReply<ImagenPredictResponse>

    /// Counts the tokens of a request's prompt.
    /// - Throws: ``SwitchyardError``.
    func countTokens(
        _ request: CountTokensRequest,
        model: String,
        context: ProviderCallContext
    ) async throws -> ProviderReply<CountTokensResponse>

    /// Lists the backend's models, as the backend reports them.
    /// - Throws: ``SwitchyardError``.
    func listModels(context: ProviderCallContext) async throws -> [ModelInfo]
}
