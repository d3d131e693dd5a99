import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Switchyard

extension GatewayResponder {
    /// A 200 JSON answer with the request id and, when given, the attempt trail.
    func jsonResponse(_ body: Data, requestID: String, trail: AttemptTrail? = nil, warnings: [String] = []) -> Response {
        var headers = Self.headers(requestID: requestID, trail: trail, warnings: warnings)
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Encodes a value as a 200 JSON answer; an encoding failure becomes a 500 in the surface's shape.
    func jsonResponse<Value: Encodable>(
        encoding value: Value,
        surface: Surface,
        requestID: String,
        trail: AttemptTrail? = nil,
        warnings: [String] = []
    ) -> Response {
        do {
            return jsonResponse(try ServerJSON.encode(value), requestID: requestID, trail: trail, warnings: warnings)
        } catch {
            return errorResponse(SurfacedError(surface, ServerError(error)), requestID: requestID, trail: trail)
        }
    }

    /// An error answer in the surface's shape: Google's `{"error":{code,message,status,details}}` or OpenAI's
    /// `{"error":{message,type,param,code}}`.
    func errorResponse(_ surfaced: SurfacedError, requestID: String, trail: AttemptTrail? = nil) -> Response {
        let error = surfaced.error
        var headers = Self.headers(requestID: requestID, trail: trail, warnings: [])
        headers[.contentType] = "application/json; charset=utf-8"
        for header in error.headers {
            if let name = HTTPField.Name(header.name) { headers[name] = header.value }
        }
        let body: Data
        if surfaced.surface == .openAI {
            body = (try? ServerJSON.encode(error.openAIBody)) ?? Data()
        } else {
            body = (try? ServerJSON.encode(error.googleBody)) ?? Data()
        }
        return Response(
            status: HTTPResponse.Status(code: error.httpStatus),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    /// `x-request-id`, and the trail: `x-switchyard-provider`, `-model`, `-attempts`, `-route`, `-warnings`.
    static func headers(requestID: String, trail: AttemptTrail?, warnings: [String]) -> HTTPFields {
        var headers = HTTPFields()
        headers[.requestID] = requestID
        if let trail {
            if let provider = trail.provider { headers[.switchyardProvider] = headerSafe(provider) }
            if let model = trail.model { headers[.switchyardModel] = headerSafe(model) }
            headers[.switchyardRoute] = headerSafe(trail.route)
            headers[.switchyardAttempts] = String(trail.attempts.count)
        }
        if !warnings.isEmpty {
            headers[.switchyardWarnings] = headerSafe(warnings.joined(separator: "; "))
        }
        return headers
    }

    /// Printable ASCII only, at most 1 KiB.
    static func headerSafe(_ text: String) -> String {
        if text.utf8.count <= 1024, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? $0 : "?" }))
        if result.utf8.count > 1024 { result = String(result.prefix(1024)) }
        return result
    }

    /// Records a routing failure in the summary and renders it.
    func routingFailure(_ failure: RoutingError, surface: Surface, requestID: String, summary: inout RequestSummary) -> Response {
        summary.record(failure.trail, knownRoute: failure.error.code != .unknownModel)
        summary.errorCode = failure.error.code.rawValue
        summary.answeredAt = .now
        return errorResponse(SurfacedError(surface, ServerError(failure.error)), requestID: requestID, trail: failure.trail)
    }
}
