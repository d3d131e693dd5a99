import Foundation
import Hummingbird
import Switchyard

extension GatewayResponder {
    /// `POST /v1/chat/completions`: translates to GenerateContent, asks the gateway, translates back.
    func chatCompletions(body: Data, exchange: Exchange, summary: inout RequestSummary) async -> Handled {
        let requestID = exchange.requestID
        do {
            let chat = try ServerJSON.decode(ChatCompletionRequest.self, from: body)
            let request = try ChatRequestTranslation.generateContentRequest(from: chat)
            let translation = ChatResponseTranslation(requestID: requestID, model: chat.model)
            if chat.stream == true {
                let stream = try await routed { () async throws(RoutingError) in
                    try await gateway.streamGenerateContent(request, model: chat.model, options: exchange.options)
                }
                summary.record(stream.trail)
                summary.answeredAt = .now
                summary.status = 200
                let encoding = ChatStreamEncoding(translation: translation, includeUsage: chat.streamOptions?.includeUsage == true)
                return Handled(
                    response: streamingResponse(
                        stream,
                        encoding: encoding,
                        requestID: requestID,
                        summary: summary,
                        closeWatcher: exchange.closeWatcher
                    ),
                    finishesLater: true
                )
            }
            let reply = try await routed { () async throws(RoutingError) in
                try await gateway.generateContent(request, model: chat.model, options: exchange.options)
            }
            summary.record(reply.trail)
            summary.answeredAt = .now
            return Handled(
                response: jsonResponse(
                    encoding: translation.completion(from: reply.value),
                    surface: .openAI,
                    requestID: requestID,
                    trail: reply.trail,
                    warnings: reply.warnings
                )
            )
        } catch {
            return Handled(response: openAIFailure(error, requestID: requestID, summary: &summary))
        }
    }

    /// `POST /v1/images/generations`: Imagen-shaped request through `gateway.generateImages`, `b64_json` answers.
    func imageGenerations(body: Data, exchange: Exchange, summary: inout RequestSummary) async -> Response {
        let requestID = exchange.requestID
        do {
            let generation = try ServerJSON.decode(ImageGenerationRequest.self, from: body)
            let predict = try ImageGenerationTranslation.predictRequest(from: generation)
            let reply = try await routed { () async throws(RoutingError) in
                try await gateway.generateImages(predict, model: generation.model, options: exchange.options)
            }
            summary.record(reply.trail)
            summary.answeredAt = .now
            switch ImageGenerationTranslation.response(from: reply.value) {
            case .success(let answer):
                return jsonResponse(encoding: answer, surface: .openAI, requestID: requestID, trail: reply.trail, warnings: reply.warnings)
            case .failure(let error):
                summary.errorCode = error.code
                return errorResponse(SurfacedError(.openAI, error), requestID: requestID, trail: reply.trail)
            }
        } catch {
            return openAIFailure(error, requestID: requestID, summary: &summary)
        }
    }

    /// `GET /v1/models`: routes and catalog models as OpenAI model objects.
    func openAIListModels(exchange: Exchange) -> Response {
        let data = gateway.models().map(OpenAIModel.init)
        return jsonResponse(encoding: OpenAIModelList(data: data), surface: .openAI, requestID: exchange.requestID)
    }

    /// `GET /v1/models/{model}`.
    func openAIGetModel(_ model: String, exchange: Exchange, summary: inout RequestSummary) -> Response {
        guard let found = gateway.models().first(where: { $0.id == model }) else {
            summary.errorCode = SwitchyardError.Code.unknownModel.rawValue
            return errorResponse(SurfacedError(.openAI, ModelListing.unknownModel(model, gateway: gateway)), requestID: exchange.requestID)
        }
        summary.route = found.id
        return jsonResponse(encoding: OpenAIModel(found), surface: .openAI, requestID: exchange.requestID)
    }

    private func openAIFailure(_ error: any Error, requestID: String, summary: inout RequestSummary) -> Response {
        switch error {
        case let failure as RoutingError:
            return routingFailure(failure, surface: .openAI, requestID: requestID, summary: &summary)
        case let error as SwitchyardError:
            summary.errorCode = error.code.rawValue
            var serverError = ServerError(error)
            serverError.parameter = Self.parameter(fromFieldMessage: error.message)
            return errorResponse(SurfacedError(.openAI, serverError), requestID: requestID)
        case let error as ServerError:
            summary.errorCode = error.code
            return errorResponse(SurfacedError(.openAI, error), requestID: requestID)
        default:
            summary.errorCode = SwitchyardError.Code.internal.rawValue
            return errorResponse(
                SurfacedError(.openAI, ServerError(SwitchyardError(.internal, "unexpected failure: \(error)"))),
                requestID: requestID
            )
        }
    }

    /// `messages[0].content: expected …` → `messages[0].content`.
    static func parameter(fromFieldMessage message: String) -> String? {
        guard let colon = message.range(of: ": ") else { return nil }
        let field = message[..<colon.lowerBound]
        guard !field.isEmpty, !field.contains(" ") else { return nil }
        return String(field)
    }
}

/// An OpenAI model object.
struct OpenAIModel: Encodable, Sendable {
    var id: String
    var object = "model"
    var created = 0
    var ownedBy: String

    init(_ model: GatewayModel) {
        self.id = model.id
        self.ownedBy = model.isRoute ? "switchyard" : "google"
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created
        case ownedBy = "owned_by"
    }
}

/// `{"object":"list","data":[…]}`.
struct OpenAIModelList: Encodable, Sendable {
    var object = "list"
    var data: [OpenAIModel]
}
