import Foundation
import Logging
import SwitchyardCore
import SwitchyardCrypto

/// The emulator's request handling, independent of the HTTP framework: route → auth → fault → model → payload → answer.
final class EmulatorCore: Sendable {
    let state: EmulatorState
    let configuration: GoogleEmulator.Configuration
    let verifier: JWTVerifier
    let tokenEndpoint: TokenEndpoint
    let logger: Logger
    let baseURL: @Sendable () -> String
    let apiKeys: Set<String>
    let projects: Set<String>
    let defaultProject: String

    init(configuration: GoogleEmulator.Configuration, state: EmulatorState, logger: Logger, baseURL: @escaping @Sendable () -> String) {
        self.state = state
        self.configuration = configuration
        self.logger = logger
        self.baseURL = baseURL
        self.apiKeys = Set(configuration.apiKeys)
        self.projects = Set(configuration.projects)
        self.defaultProject = configuration.projects.first ?? "switchyard-test"
        let skew = Double(configuration.clockSkew.components.seconds)
        self.verifier = JWTVerifier(state: state, clockSkew: skew)
        self.tokenEndpoint = TokenEndpoint(
            state: state,
            verifier: verifier,
            lifetime: configuration.tokenLifetime,
            tokenURL: { baseURL() + "/token" }
        )
    }

    struct Incoming: Sendable {
        var method: String
        var path: String
        var query: String
        var headers: [(name: String, value: String)]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        func queryValue(_ name: String) -> String? {
            for pair in query.split(separator: "&") {
                let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if pieces.first.map(String.init) == name {
                    return pieces.count > 1 ? (String(pieces[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
                }
            }
            return nil
        }
    }

    /// Answers one request (the control API excluded) and records it.
    func handle(_ incoming: Incoming, route: Route) async -> Reply {
        let surface = route.surface
        await state.count { counters in
            counters.requests += 1
            if surface == .aiStudio { counters.aiStudioRequests += 1 }
            if surface == .vertex { counters.vertexRequests += 1 }
            if surface == .token { counters.tokenRequests += 1 }
        }
        let reply = await dispatch(incoming, route: route)
        var body = incoming.body
        if route == .token { body = Redaction.formBody(body) }
        let status: Int
        if case .drop = reply.body { status = 0 } else { status = reply.status }
        await state.record(
            EmulatorRequestRecord(
                method: incoming.method,
                path: incoming.path,
                query: Redaction.query(incoming.query),
                headers: incoming.headers.map { EmulatorHeader(name: $0.name, value: Redaction.header(name: $0.name, value: $0.value)) },
                body: body,
                surface: surface,
                status: status
            )
        )
        logger.debug(
            "emulator request",
            metadata: [
                "emulator.method": .string(incoming.method),
                "emulator.path": .string(incoming.path),
                "emulator.status": .stringConvertible(status),
            ]
        )
        return reply
    }

    /// Query parameters every Google API accepts (system parameters), plus the ones each method binds.
    static let systemQueryParameters: Set<String> = [
        "key", "alt", "$alt", "prettyPrint", "fields", "$fields", "callback", "quotaUser", "access_token", "upload_protocol",
        "uploadType", "$.xgafv",
    ]
    static let listQueryParameters: Set<String> = ["pageSize", "pageToken", "filter", "page_size", "page_token"]

    /// Google binds query parameters to request fields and refuses names it cannot bind.
    private func unboundQueryParameter(_ incoming: Incoming, route: Route) -> GoogleError? {
        var allowed = Self.systemQueryParameters
        switch route {
        case .aiStudioList, .vertexList: allowed.formUnion(Self.listQueryParameters)
        case .aiStudioCall, .aiStudioGet, .vertexCall, .vertexGet: break
        default: return nil
        }
        for pair in incoming.query.split(separator: "&") {
            let name = String(pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0])
            let decoded = name.removingPercentEncoding ?? name
            if !allowed.contains(decoded) {
                return .badRequest([
                    FieldViolation(
                        field: nil,
                        description:
                            "Invalid JSON payload received. Unknown name \"\(decoded)\": Cannot bind query parameter. Field '\(decoded)' could not be found in request message."
                    )
                ])
            }
        }
        return nil
    }

    private func dispatch(_ incoming: Incoming, route: Route) async -> Reply {
        if let error = unboundQueryParameter(incoming, route: route) { return .error(error) }
        switch route {
        case .notFound:
            return .error(GoogleError(code: 404, status: "NOT_FOUND", message: "The requested URL \(incoming.path) was not found on this server."))
        case .methodNotAllowed(let allowed):
            return .error(
                GoogleError(
                    code: 405,
                    status: "UNIMPLEMENTED",
                    message: "Method \(incoming.method) is not allowed for \(incoming.path); use \(allowed)."
                )
            )
        case .metadataPing, .metadata:
            return await metadata(incoming, route: route)
        case .token:
            return await token(incoming)
        case .aiStudioCall, .aiStudioList, .aiStudioGet:
            return await aiStudio(incoming, route: route)
        case .vertexCall, .vertexList, .vertexGet:
            return await vertex(incoming, route: route)
        case .control:
            return .error(GoogleError(code: 404, status: "NOT_FOUND", message: "Unknown control path."))
        }
    }

    // MARK: Faults

    /// Applies a fault: `nil` to carry on (latency already waited), else the reply to send instead.
    func applyFault(route: Route, isStream: Bool) async -> (reply: Reply?, stream: StreamFault?) {
        guard let kind = await state.takeFault(surface: route.surface, model: route.model, method: route.methodName, isStream: isStream) else {
            return (nil, nil)
        }
        logger.debug("emulator fault", metadata: ["emulator.fault": .string("\(kind)")])
        switch kind {
        case .rateLimited(let delay):
            if route.surface == .token || route.surface == .metadata {
                return (.error(GoogleError.forStatus(429)), nil)
            }
            return (.error(.rateLimited(retryDelay: delay, surface: route.surface, model: route.model)), nil)
        case .dailyQuotaExhausted(let delay):
            if route.surface == .token || route.surface == .metadata {
                return (.error(GoogleError.forStatus(429)), nil)
            }
            return (.error(.rateLimited(retryDelay: delay, surface: route.surface, model: route.model, perDay: true)), nil)
        case .status(let code):
            if route.surface == .metadata {
                return (.text("Injected fault: HTTP \(code)", status: code, contentType: "text/plain; charset=utf-8"), nil)
            }
            return (.error(GoogleError.forStatus(code)), nil)
        case .latency(let duration):
            try? await Task.sleep(for: duration)
            return (nil, nil)
        case .dropConnection:
            return (Reply(status: 0, body: .drop), nil)
        case .malformedBody:
            if isStream {
                return (
                    Reply(
                        status: 200,
                        headers: [("Content-Type", "text/event-stream")],
                        body: .chunks([Data("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"trunc\r\n\r\n".utf8)])
                    ), nil
                )
            }
            return (
                Reply(
                    status: 200,
                    headers: [("Content-Type", "application/json; charset=UTF-8")],
                    body: .data(Data("{\n  \"candidates\": [\n    {\n      \"content\": <html>not json".utf8))
                ), nil
            )
        case .streamErrorAfter(let chunks):
            return (nil, .errorAfter(chunks))
        case .streamPauseAfter(let chunks, let pause):
            return (nil, .pauseAfter(chunks, pause))
        case .tokenError(let error, let status):
            return (.json(TokenEndpoint.oauthError(error, "Injected fault: \(error)").body, status: status), nil)
        }
    }
}

/// What a fault does to a stream that is otherwise answered normally.
enum StreamFault: Sendable {
    /// This many chunks, then an error event.
    case errorAfter(Int)
    /// This many chunks, a pause, then the rest.
    case pauseAfter(Int, Duration)
}

extension Base64URL {
    static func encodeText(_ text: String) -> String {
        encode(Array(text.utf8))
    }
}
