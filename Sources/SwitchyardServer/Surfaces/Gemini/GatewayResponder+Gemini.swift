import Foundation
import Hummingbird
import Switchyard

extension GatewayResponder {
    /// `POST /{ver}/models/{model}:{method}` (and the Vertex-shaped paths): decodes Google's body, asks the gateway,
    /// answers Google's shape with exactly HTTP 200 on success.
    func geminiCall(model: String, method: GeminiMethod, body: Data, exchange: Exchange, summary: inout RequestSummary) async -> Handled {
        let requestID = exchange.requestID
        do {
            switch method {
            case .generateContent:
                let request = try ServerJSON.decode(GenerateContentRequest.self, from: body)
                return try await unaryGeminiReply(exchange: exchange, summary: &summary) { () async throws(RoutingError) in
                    try await gateway.generateContent(request, model: model, options: exchange.options)
                }
            case .streamGenerateContent:
                let request = try ServerJSON.decode(GenerateContentRequest.self, from: body)
                let stream = try await routed { () async throws(RoutingError) in
                    try await gateway.streamGenerateContent(request, model: model, options: exchange.options)
                }
                summary.record(stream.trail)
                summary.answeredAt = .now
                summary.status = 200
                let encoding = GeminiStreamEncoding(serverSentEvents: exchange.query["alt"] == "sse")
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
            case .countTokens:
                let request = try ServerJSON.decode(CountTokensRequest.self, from: body)
                return try await unaryGeminiReply(exchange: exchange, summary: &summary) { () async throws(RoutingError) in
                    try await gateway.countTokens(request, model: model, options: exchange.options)
                }
            case .predict:
                let request = try ServerJSON.decode(ImagenPredictRequest.self, from: body)
                return try await unaryGeminiReply(exchange: exchange, summary: &summary) { () async throws(RoutingError) in
                    try await gateway.generateImages(request, model: model, options: exchange.options)
                }
            }
        } catch let failure as RoutingError {
            return Handled(response: routingFailure(failure, surface: .gemini, requestID: requestID, summary: &summary))
        } catch let error as SwitchyardError {
            summary.errorCode = error.code.rawValue
            return Handled(response: errorResponse(SurfacedError(.gemini, ServerError(error)), requestID: requestID))
        } catch {
            summary.errorCode = SwitchyardError.Code.internal.rawValue
            let internalError = SwitchyardError(.internal, "unexpected failure: \(error)")
            return Handled(response: errorResponse(SurfacedError(.gemini, ServerError(internalError)), requestID: requestID))
        }
    }

    /// Runs a unary gateway call and answers its value in Google's shape with the trail headers.
    private func unaryGeminiReply<Value: Encodable & Sendable>(
        exchange: Exchange,
        summary: inout RequestSummary,
        _ call: () async throws(RoutingError) -> RoutedReply<Value>
    ) async throws -> Handled {
        let reply = try await routed(call)
        summary.record(reply.trail)
        summary.answeredAt = .now
        return Handled(
            response: jsonResponse(
                encoding: reply.value,
                surface: .gemini,
                requestID: exchange.requestID,
                trail: reply.trail,
                warnings: reply.warnings
            )
        )
    }

    /// Runs a gateway call, rethrowing its typed `RoutingError` as an untyped error for the caller's `catch` list.
    func routed<Value>(_ call: () async throws(RoutingError) -> Value) async throws -> Value {
        try await call()
    }

    /// `GET /{ver}/models`: every route and catalog model, in Google's `ModelInfo` shape.
    func geminiListModels(vertex: Bool, exchange: Exchange) -> Response {
        let models = gateway.models().map { ModelListing.modelInfo($0, vertex: vertex) }
        if vertex {
            let body: JSONValue = ["publisherModels": .array(models.compactMap { try? JSONValue.from($0) })]
            return jsonResponse(encoding: body, surface: .gemini, requestID: exchange.requestID)
        }
        var list = ListModelsResponse()
        list.models = models
        return jsonResponse(encoding: list, surface: .gemini, requestID: exchange.requestID)
    }

    /// `GET /{ver}/models/{model}`: one route or catalog model, or 404.
    func geminiGetModel(_ model: String, vertex: Bool, exchange: Exchange, summary: inout RequestSummary) -> Response {
        guard let found = gateway.models().first(where: { $0.id == model }) else {
            summary.errorCode = SwitchyardError.Code.unknownModel.rawValue
            return errorResponse(SurfacedError(.gemini, ModelListing.unknownModel(model, gateway: gateway)), requestID: exchange.requestID)
        }
        summary.route = found.id
        return jsonResponse(encoding: ModelListing.modelInfo(found, vertex: vertex), surface: .gemini, requestID: exchange.requestID)
    }
}

extension JSONValue {
    /// The JSON value of an encodable value.
    static func from<Value: Encodable>(_ value: Value) throws -> JSONValue {
        try JSONValueEncoder().encode(value)
    }
}
