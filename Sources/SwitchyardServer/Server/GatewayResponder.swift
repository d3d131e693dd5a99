import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Switchyard

/// Hummingbird glue for every request: request id, endpoint, client auth, body limit, dispatch to a surface,
/// error rendering and the request's observation.
///
/// Calls that reach a provider race the connection's ``ConnectionCloseWatcher``: a client that goes away before the
/// answer (or a stream's first event) is ready cancels the upstream call, through structured concurrency down to the
/// libcurl transfer. Keep-alive is unaffected.
struct GatewayResponder: HTTPResponder {
    typealias Context = GatewayRequestContext

    let gateway: Gateway
    let settings: GatewayServerSettings
    let authenticator: ClientAuthenticator
    let metrics: ServerMetrics
    let logger: Logger

    /// What an answer still needs: finishing now, or (streams) when its body ends.
    struct Handled {
        var response: Response
        var finishesLater = false
    }

    var observer: RequestObserver { RequestObserver(metrics: metrics, logger: logger) }

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let requestID = Self.requestID(from: request.headers)
        let method = request.method.rawValue
        let path = request.uri.path
        let query = request.uri.queryParameters
        let hints = EndpointResolver.ClientHints(
            hasGoogleAPIKeyHeader: request.headers[.googleAPIKey] != nil,
            hasKeyQuery: query["key"] != nil,
            hasGoogleClientHeader: request.headers[.googleAPIClient] != nil,
            hasPagingQuery: query["pageSize"] != nil || query["pageToken"] != nil
        )
        var summary = RequestSummary(requestID: requestID, method: method, path: path, surface: .gemini, operation: "unknown", start: start)
        metrics.requestStarted()

        let endpoint: Endpoint
        switch EndpointResolver.resolve(method: method, path: path, hints: hints) {
        case .success(let resolved):
            endpoint = resolved
        case .failure(let surfaced):
            summary.surface = surfaced.surface
            return finish(errorResponse(surfaced, requestID: requestID), summary: &summary)
        }
        summary.surface = endpoint.surface
        summary.operation = endpoint.operation

        if endpoint.surface != .operations {
            let presented = ClientAuthenticator.presentedKey(
                googleHeader: request.headers[.googleAPIKey],
                queryKey: query["key"].map(String.init),
                authorization: request.headers[.authorization]
            )
            if let refusal = authenticator.check(presented) {
                let error = ClientAuthenticator.error(for: refusal, surface: endpoint.surface)
                return finish(errorResponse(SurfacedError(endpoint.surface, error), requestID: requestID), summary: &summary)
            }
        }

        var exchange = Exchange(
            requestID: requestID,
            timeout: Self.serverTimeout(request.headers),
            query: query.isEmpty ? [:] : Dictionary(query.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { first, _ in first })
        )
        guard endpoint.callsUpstream else {
            let handled = await handleLocal(endpoint, exchange: exchange, summary: &summary)
            return finish(handled.response, summary: &summary)
        }

        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > settings.maxBodyBytes + Self.drainAllowance {
            var response = errorResponse(SurfacedError(endpoint.surface, .bodyTooLarge(limit: settings.maxBodyBytes)), requestID: requestID)
            // The body is not read, so the connection cannot carry another request.
            response.headers[.connection] = "close"
            return finish(response, summary: &summary)
        }
        let watcher = await context.closeWatcher
        exchange.closeWatcher = watcher
        let body = request.body
        let operation: @Sendable () async throws -> (Handled, RequestSummary) = { [summary, exchange] in
            var summary = summary
            let data: Data
            do {
                data = try await readBody(body)
            } catch let surfaced as SurfacedError {
                return (Handled(response: errorResponse(SurfacedError(endpoint.surface, surfaced.error), requestID: requestID)), summary)
            }
            let handled = await handleUpstream(endpoint, body: data, exchange: exchange, summary: &summary)
            return (handled, summary)
        }
        do {
            let (handled, finalSummary): (Handled, RequestSummary)
            if let watcher {
                (handled, finalSummary) = try await watcher.cancellingOnClose(operation)
            } else {
                (handled, finalSummary) = try await operation()
            }
            summary = finalSummary
            if handled.finishesLater {
                return handled.response
            }
            return finish(handled.response, summary: &summary)
        } catch {
            // The client went away (or its body could not be read): nobody reads this answer.
            summary.cancelled = true
            summary.status = 499
            summary.errorCode = SwitchyardError.Code.cancelled.rawValue
            observer.finish(summary)
            throw error
        }
    }

    /// Records the status and finishes the observation.
    private func finish(_ response: Response, summary: inout RequestSummary) -> Response {
        summary.status = Int(response.status.code)
        if summary.answeredAt == nil { summary.answeredAt = .now }
        observer.finish(summary)
        return response
    }

    // MARK: Dispatch

    private func handleLocal(_ endpoint: Endpoint, exchange: Exchange, summary: inout RequestSummary) async -> Handled {
        switch endpoint {
        case .geminiListModels(let vertex):
            return Handled(response: geminiListModels(vertex: vertex, exchange: exchange))
        case .geminiGetModel(let model, let vertex):
            return Handled(response: geminiGetModel(model, vertex: vertex, exchange: exchange, summary: &summary))
        case .openAIListModels:
            return Handled(response: openAIListModels(exchange: exchange))
        case .openAIGetModel(let model):
            return Handled(response: openAIGetModel(model, exchange: exchange, summary: &summary))
        case .health:
            return Handled(response: health())
        case .readiness:
            return Handled(response: await readiness())
        case .metrics:
            return Handled(response: await metricsText())
        case .geminiCall, .chatCompletions, .imageGenerations:
            return Handled(response: errorResponse(SurfacedError(.gemini, .unknownPath("POST", summary.path)), requestID: exchange.requestID))
        }
    }

    private func handleUpstream(_ endpoint: Endpoint, body: Data, exchange: Exchange, summary: inout RequestSummary) async -> Handled {
        switch endpoint {
        case .geminiCall(let model, let method):
            return await geminiCall(model: model, method: method, body: body, exchange: exchange, summary: &summary)
        case .chatCompletions:
            return await chatCompletions(body: body, exchange: exchange, summary: &summary)
        case .imageGenerations:
            return Handled(response: await imageGenerations(body: body, exchange: exchange, summary: &summary))
        default:
            return await handleLocal(endpoint, exchange: exchange, summary: &summary)
        }
    }

    // MARK: Request pieces

    /// A little more than the limit is read and thrown away so the client gets the 413 instead of a reset.
    static let drainAllowance = 16 << 20

    private func readBody(_ body: RequestBody) async throws -> Data {
        var collected = ByteBuffer()
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            if total > settings.maxBodyBytes {
                if total > settings.maxBodyBytes + Self.drainAllowance { break }
                continue
            }
            var chunk = chunk
            collected.writeBuffer(&chunk)
        }
        guard total <= settings.maxBodyBytes else {
            throw SurfacedError(.gemini, .bodyTooLarge(limit: settings.maxBodyBytes))
        }
        return Data(collected.readableBytesView)
    }

    /// The incoming `x-request-id` when it is short printable ASCII, else a new UUID.
    static func requestID(from headers: HTTPFields) -> String {
        if let incoming = headers[.requestID], (1...128).contains(incoming.utf8.count),
            incoming.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        {
            return incoming
        }
        return RequestID.make()
    }

    /// `X-Server-Timeout: <seconds>` (what google-genai sends with `http_options.timeout`).
    static func serverTimeout(_ headers: HTTPFields) -> Duration? {
        guard let text = headers[.serverTimeout], let seconds = Double(text), seconds > 0, seconds < 86_400 else {
            return nil
        }
        return .milliseconds(Int64(seconds * 1000))
    }
}

/// What handlers need to know about the request besides its body.
struct Exchange: Sendable {
    var requestID: String
    var timeout: Duration?
    var query: [String: String]
    /// Notices the client going away; `nil` only if the connection has no watcher.
    var closeWatcher: ConnectionCloseWatcher?

    var options: RequestOptions { RequestOptions(requestID: requestID, timeout: timeout) }
}
