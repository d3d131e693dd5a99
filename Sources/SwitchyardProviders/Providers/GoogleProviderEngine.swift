import Foundation
import GoogleAuth
import Logging
import SwitchyardConfig
import SwitchyardCore
import SwitchyardHTTP

/// What ``GoogleProvider`` does on either backend; the endpoint and the field rules hold the backends' differences.
///
/// One call: check the model name → translate (Imagen mapping, renames, extension fields) → encode → apply the
/// unsupported-field policy → send with authentication → check for exactly 200 → decode, normalise, check image
/// outcomes.
struct GoogleProviderEngine: Sendable {
    let name: String
    let endpoint: GoogleEndpoint
    let models: [String: ModelCapabilities]
    /// How each model the catalog knows is called, including models this provider's region does not serve.
    let apiMethods: [String: APIMethod]
    let client: GoogleAPIClient
    let fields: FieldPolicyEnforcer
    let logger: Logger

    init(
        name: String,
        endpoint: GoogleEndpoint,
        models: [String: ModelCapabilities],
        apiMethods: [String: APIMethod],
        credentials: any CredentialSource,
        transport: any HTTPTransport,
        unsupportedFields: UnsupportedFieldPolicy,
        logger: Logger
    ) {
        self.name = name
        self.endpoint = endpoint
        self.models = models
        self.apiMethods = apiMethods.merging(models.mapValues(\.apiMethod)) { _, served in served }
        self.client = GoogleAPIClient(providerName: name, credentials: credentials, transport: transport, logger: logger)
        self.fields = FieldPolicyEnforcer(providerName: name, backend: endpoint.backend, dropUnsupported: unsupportedFields == .drop)
        self.logger = logger
    }

    var modelIDs: [String] { models.keys.sorted() }

    func capabilities(for model: String) -> ModelCapabilities? {
        models[model]
    }

    /// Whether a model is called through `:predict` (Imagen); models missing from the catalog are treated as Gemini.
    private func isImagen(_ model: String) -> Bool {
        apiMethods[model] == .predict
    }

    private func tagged(_ error: any Error, model: String?) -> SwitchyardError {
        UpstreamErrorMapping.map(error, provider: name, model: model)
    }

    // MARK: generateContent

    func generateContent(
        _ request: GenerateContentRequest,
        model: String,
        context: ProviderCallContext
    ) async throws(SwitchyardError) -> ProviderReply<GenerateContentResponse> {
        do {
            if isImagen(model) { return try await imagenGenerateContent(request, model: model, context: context) }
            let (body, warnings) = try geminiBody(request, model: model)
            let response = try await sendGenerateContent(body: body, model: model, context: context)
            if ImageOutcome.imagesRequested(by: request) {
                try ImageOutcome.check(response, imagesRequired: ImageOutcome.imagesRequired(by: request), provider: name, model: model)
            }
            return ProviderReply(value: response, warnings: warnings)
        } catch {
            throw tagged(error, model: model)
        }
    }

    /// The encoded body of a Gemini generate call and the warnings of dropped fields.
    /// - Parameter earlier: Unsupported fields an earlier translation already found.
    private func geminiBody(
        _ request: GenerateContentRequest,
        model: String,
        earlier: [FieldViolation] = []
    ) throws(SwitchyardError) -> (Data, [String]) {
        let prepared = try GeminiRequestPreparation.prepare(request, backend: endpoint.backend, model: model)
        return try fields.enforce(
            encoding: prepared.request,
            rules: BackendFieldRules.generateContent(for: endpoint.backend),
            earlier: earlier + prepared.violations,
            model: model
        )
    }

    /// Sends a prepared Gemini body to `:generateContent` and decodes the normalised response.
    private func sendGenerateContent(
        body: Data,
        model: String,
        context: ProviderCallContext
    ) async throws(SwitchyardError)
        -> GenerateContentResponse
    {
        let url = try endpoint.methodURL(model: model, method: "generateContent")
        let data = try await client.sendAndCollect(method: .post, url: url, body: body, context: context, model: model)
        return ResponseNormalizer.normalize(
            try WireJSON.decodeUpstream(GenerateContentResponse.self, from: data, what: "GenerateContentResponse", provider: name, model: model)
        )
    }

    private func imagenGenerateContent(
        _ request: GenerateContentRequest,
        model: String,
        context: ProviderCallContext
    ) async throws(SwitchyardError) -> ProviderReply<GenerateContentResponse> {
        let translation = try ImagenRequestTranslation(request, model: model, backend: endpoint.backend, limits: models[model]?.images)
        let (predict, warnings) = try await predict(translation.predict, earlier: translation.violations, model: model, context: context)
        let mapped = try ImagenResponseTranslation.response(
            predict,
            model: model,
            promptTokens: TokenEstimate.promptTokens(of: request),
            provider: name
        )
        return ProviderReply(value: mapped.response, warnings: warnings + translation.ignored + mapped.warnings)
    }

    /// Applies the field policy to an Imagen body, sends it to `:predict` and decodes the predictions.
    private func predict(
        _ request: ImagenPredictRequest,
        earlier: [FieldViolation] = [],
        model: String,
        context: ProviderCallContext
    ) async throws(SwitchyardError) -> (response: ImagenPredictResponse, warnings: [String]) {
        let (body, warnings) = try fields.enforce(
            encoding: request,
            rules: BackendFieldRules.imagenPredict(for: endpoint.backend),
            earlier: earlier,
            model: model
        )
        let url = try endpoint.methodURL(model: model, method: "predict")
        let data = try await client.sendAndCollect(method: .post, url: url, body: body, context: context, model: model)
        let response = try WireJSON.decodeUpstream(
            ImagenPredictResponse.self,
            from: data,
            what: "Imagen predict response",
            provider: name,
            model: model
        )
        return (response, warnings)
    }

    // MARK: streamGenerateContent

    func streamGenerateContent(
        _ request: GenerateContentRequest,
        model: String,
        context: ProviderCallContext
    ) async throws(SwitchyardError) -> ProviderReply<GenerateContentStream> {
        do {
            if isImagen(model) {
                throw SwitchyardError(
                    .invalidArgument,
                    "\(model) is an Imagen model (text to image through :predict) and cannot stream; use generateContent",
                    model: model
                )
            }
            let (body, warnings) = try geminiBody(request, model: model)
            let url = try endpoint.methodURL(model: model, method: "streamGenerateContent", query: "alt=sse")
            let response = try await client.send(method: .post, url: url, body: body, context: context, model: model)
            let events = GenerateContentEventStream(
                body: response.body,
                provider: name,
                model: model,
                imagesRequested: ImageOutcome.imagesRequested(by: request),
                imagesRequired: ImageOutcome.imagesRequired(by: request)
            )
            return ProviderReply(value: GenerateContentStream(events), warnings: warnings)
        } catch {
            throw tagged(error, model: model)
        }
    }

    // MARK: generateImages

    func generateImages(
        _ request: ImagenPredictRequest,
        model: String,
        context: ProviderCallContext
    ) async throws(SwitchyardError) -> ProviderReply<ImagenPredictResponse> {
        do {
            if isImagen(model) {
                let (response, warnings) = try await predict(request, model: model, context: context)
                let images = (response.predictions ?? []).filter { $0.contentType == nil }
                try ImagenResponseTranslation.checkSomethingCameBack(images, model: model, provider: name)
                let filtered = images.compactMap(\.raiFilteredReason).map { "an image was filtered by \(model): \($0)" }
                return ProviderReply(value: response, warnings: warnings + filtered)
            }
            let translation = try GeminiImageTranslation(request, model: model)
            let (body, warnings) = try geminiBody(translation.request, model: model, earlier: translation.violations)
            let response = try await sendGenerateContent(body: body, model: model, context: context)
            let predictions = try GeminiImageTranslation.predictions(from: response, model: model, provider: name)
            return ProviderReply(value: predictions, warnings: warnings)
        } catch {
            throw tagged(error, model: model)
        }
    }

    // MARK: countTokens

    func countTokens(
        _ request: CountTokensRequest,
        model: String,
        context: ProviderCallContext
    ) async throws(SwitchyardError) -> ProviderReply<CountTokensResponse> {
        do {
            if isImagen(model) {
                throw SwitchyardError(.invalidArgument, "\(model) is an Imagen model and has no countTokens method", model: model)
            }
            let resource = try endpoint.modelResource(model)
            // The policy is applied to the body as the caller sent it, so field paths name the caller's fields.
            let policy = try fields.enforce(try WireJSON.encode(request), rules: BackendFieldRules.countTokens(for: endpoint.backend), model: model)
            let cleaned =
                policy.warnings.isEmpty
                ? request
                : try WireJSON.decodeUpstream(CountTokensRequest.self, from: policy.body, what: "countTokens request", provider: name, model: model)
            let translated = try CountTokensTranslation.translate(cleaned, backend: endpoint.backend, modelResource: resource, model: model)
            let url = try endpoint.methodURL(model: model, method: "countTokens")
            let data = try await client.sendAndCollect(method: .post, url: url, body: try WireJSON.encode(translated), context: context, model: model)
            let response = try WireJSON.decodeUpstream(
                CountTokensResponse.self,
                from: data,
                what: "CountTokensResponse",
                provider: name,
                model: model
            )
            return ProviderReply(value: response, warnings: policy.warnings)
        } catch {
            throw tagged(error, model: model)
        }
    }

    // MARK: listModels

    /// The most pages read, so a backend that keeps answering with a page token cannot loop forever.
    static let maxListPages = 100

    func listModels(context: ProviderCallContext) async throws(SwitchyardError) -> [ModelInfo] {
        var models: [ModelInfo] = []
        var pageToken: String?
        for _ in 0..<Self.maxListPages {
            let url = endpoint.listModelsURL(pageSize: 1000, pageToken: pageToken)
            let data = try await client.sendAndCollect(method: .get, url: url, body: nil, context: context, model: nil)
            let page = try WireJSON.decodeUpstream(JSONValue.self, from: data, what: "model list", provider: name, model: nil)
            let key = endpoint.backend == .aiStudio ? "models" : "publisherModels"
            for entry in page[key]?.arrayValue ?? [] {
                models.append(try ModelListMapping.modelInfo(entry, backend: endpoint.backend, provider: name))
            }
            pageToken = page["nextPageToken"]?.stringValue
            if pageToken?.isEmpty ?? true { return models }
        }
        throw SwitchyardError(.upstream, "the model list did not end after \(Self.maxListPages) pages", provider: name)
    }
}
