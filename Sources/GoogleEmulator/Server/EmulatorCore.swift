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
    private func applyFault(route: Route, isStream: Bool) async -> (reply: Reply?, streamErrorAfter: Int?) {
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
            return (nil, chunks)
        case .tokenError(let error, let status):
            return (.json(TokenEndpoint.oauthError(error, "Injected fault: \(error)").body, status: status), nil)
        }
    }

    // MARK: Token endpoint

    private func token(_ incoming: Incoming) async -> Reply {
        if let reply = await applyFault(route: .token, isStream: false).reply { return reply }
        let contentType = incoming.header("content-type")?.lowercased() ?? ""
        let form = contentType.hasPrefix("application/x-www-form-urlencoded") ? TokenEndpoint.parseForm(incoming.body) : [:]
        let outcome = await tokenEndpoint.handle(form: form)
        if outcome.granted { await state.count { $0.tokenGrants += 1 } }
        var reply = Reply.json(outcome.body, status: outcome.status)
        reply.headers.append(("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"))
        return reply
    }

    // MARK: Metadata server

    private func metadata(_ incoming: Incoming, route: Route) async -> Reply {
        var reply = await metadataReply(incoming, route: route)
        reply.headers.append(("Metadata-Flavor", "Google"))
        return reply
    }

    private func metadataReply(_ incoming: Incoming, route: Route) async -> Reply {
        guard incoming.header("metadata-flavor") == "Google" else {
            return .text(
                "Missing Metadata-Flavor:Google header.",
                status: 403,
                contentType: "text/html; charset=UTF-8"
            )
        }
        let isToken: Bool
        if case .metadata(let path) = route, path.hasSuffix("/token") { isToken = true } else { isToken = false }
        if isToken { await state.count { $0.metadataTokenRequests += 1 } }
        if let reply = await applyFault(route: route, isStream: false).reply { return reply }
        guard case .metadata(let path) = route else { return .text("computeMetadata/\n") }
        let email = "switchyard-emulator@\(defaultProject).iam.gserviceaccount.com"
        let accountPrefix = "/instance/service-accounts/"
        if path.hasPrefix(accountPrefix) {
            let rest = path.dropFirst(accountPrefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard let account = rest.first, account == "default" || account == email else {
                return .text("Not Found", status: 404, contentType: "text/html; charset=UTF-8")
            }
            let leaf = rest.count > 1 ? rest[1] : ""
            switch leaf {
            case "token":
                let scopes = incoming.queryValue("scopes").map { $0.split(separator: ",").map(String.init) } ?? [TokenEndpoint.cloudPlatformScope]
                let token = await state.issueToken(
                    principal: EmulatorState.Principal(email: email, project: defaultProject),
                    scopes: scopes,
                    lifetime: configuration.tokenLifetime
                )
                return .json(
                    .members([
                        ("access_token", .string(token)),
                        ("expires_in", .integer(configuration.tokenLifetime.components.seconds)),
                        ("token_type", "Bearer"),
                    ])
                )
            case "email":
                return .text(email)
            case "scopes":
                return .text(TokenEndpoint.cloudPlatformScope + "\n")
            case "":
                if incoming.queryValue("recursive") == "true" {
                    return .json(
                        .members([
                            ("aliases", ["default"]),
                            ("email", .string(email)),
                            ("scopes", [.string(TokenEndpoint.cloudPlatformScope)]),
                        ])
                    )
                }
                return .text("aliases\nemail\nidentity\nscopes\ntoken\n")
            default:
                return .text("Not Found", status: 404, contentType: "text/html; charset=UTF-8")
            }
        }
        switch path {
        case "/project/project-id": return .text(defaultProject)
        case "/project/numeric-project-id": return .text("123456789012")
        case "/universe/universe-domain": return .text("googleapis.com")
        case "", "/": return .text("instance/\nproject/\n")
        default: return .text("Not Found", status: 404, contentType: "text/html; charset=UTF-8")
        }
    }

    // MARK: AI Studio

    private func apiKey(_ incoming: Incoming) -> String? {
        incoming.header("x-goog-api-key") ?? incoming.queryValue("key")
    }

    private func aiStudio(_ incoming: Incoming, route: Route) async -> Reply {
        if let key = apiKey(incoming), !key.isEmpty {
            guard apiKeys.contains(key) else { return .error(.invalidAPIKey(service: "generativelanguage.googleapis.com")) }
        } else if let authorization = incoming.header("authorization") {
            // The Gemini API also takes OAuth access tokens (cloud-platform or generative-language scopes).
            let method =
                "google.ai.generativelanguage.v1beta.GenerativeService.\(route.methodName.prefix(1).uppercased() + route.methodName.dropFirst())"
            let pieces = authorization.split(separator: " ", maxSplits: 1)
            guard pieces.count == 2, pieces[0].lowercased() == "bearer" else {
                return .error(
                    .invalidCredentials(method: method, reason: "ACCESS_TOKEN_TYPE_UNSUPPORTED", service: "generativelanguage.googleapis.com")
                )
            }
            switch await state.checkToken(String(pieces[1])) {
            case .valid: break
            case .expired:
                return .error(.invalidCredentials(method: method, reason: "ACCESS_TOKEN_EXPIRED", service: "generativelanguage.googleapis.com"))
            case .unknown:
                return .error(
                    .invalidCredentials(method: method, reason: "ACCESS_TOKEN_TYPE_UNSUPPORTED", service: "generativelanguage.googleapis.com")
                )
            }
        } else {
            return .error(.unregisteredCaller)
        }
        switch route {
        case .aiStudioList(let version):
            if let reply = await applyFault(route: route, isStream: false).reply { return reply }
            return list(incoming, entries: ModelTable.models.filter(\.aiStudio).map(\.aiStudioEntry), key: "models", version: version)
        case .aiStudioGet(let version, let model):
            if let reply = await applyFault(route: route, isStream: false).reply { return reply }
            guard let entry = ModelTable.model(model), entry.aiStudio else {
                return .error(.aiStudioModelNotFound(model: model, version: version, method: "get"))
            }
            return .json(entry.aiStudioEntry)
        case .aiStudioCall(let version, let modelID, let method):
            return await modelCall(incoming, route: route, backend: .aiStudio, version: version, modelID: modelID, method: method) {
                guard let model = ModelTable.model(modelID), model.aiStudio, model.supports(method: method) else {
                    return .failure(.aiStudioModelNotFound(model: modelID, version: version, method: method))
                }
                return .success(model)
            }
        default:
            return .error(GoogleError(code: 404, status: "NOT_FOUND", message: "Not found."))
        }
    }

    // MARK: Vertex AI

    private func grpcMethod(_ route: Route, version: String) -> String {
        let name =
            switch route.methodName {
            case "generateContent": "GenerateContent"
            case "streamGenerateContent": "StreamGenerateContent"
            case "countTokens": "CountTokens"
            case "predict": "Predict"
            case "list": "ListPublisherModels"
            default: "GetPublisherModel"
            }
        let service = route.methodName == "list" || route.methodName == "get" ? "ModelGardenService" : "PredictionService"
        return "google.cloud.aiplatform.\(version).\(service).\(name)"
    }

    /// The caller's identity on Vertex: a bearer token this emulator issued, a self-signed JWT, or an express-mode key.
    private func vertexPrincipal(_ incoming: Incoming, route: Route, version: String) async -> Result<EmulatorState.Principal?, GoogleError> {
        let method = grpcMethod(route, version: version)
        if let authorization = incoming.header("authorization") {
            let pieces = authorization.split(separator: " ", maxSplits: 1)
            guard pieces.count == 2, pieces[0].lowercased() == "bearer" else {
                return .failure(.invalidCredentials(method: method, reason: "ACCESS_TOKEN_TYPE_UNSUPPORTED"))
            }
            let token = String(pieces[1])
            switch await state.checkToken(token) {
            case .valid(let principal): return .success(principal)
            case .expired: return .failure(.invalidCredentials(method: method, reason: "ACCESS_TOKEN_EXPIRED"))
            case .unknown:
                do {
                    return .success(try await verifier.verifySelfSigned(token))
                } catch .badTimeframe {
                    return .failure(.invalidCredentials(method: method, reason: "ACCESS_TOKEN_EXPIRED"))
                } catch {
                    return .failure(.invalidCredentials(method: method, reason: "ACCESS_TOKEN_TYPE_UNSUPPORTED"))
                }
            }
        }
        if let key = apiKey(incoming), !key.isEmpty {
            guard apiKeys.contains(key) else { return .failure(.invalidAPIKey(service: "aiplatform.googleapis.com")) }
            return .success(nil)
        }
        return .failure(.credentialsMissing(method: method))
    }

    private func vertex(_ incoming: Incoming, route: Route) async -> Reply {
        let version: String
        switch route {
        case .vertexCall(let v, _, _, _, _), .vertexList(let v), .vertexGet(let v, _): version = v
        default: version = "v1"
        }
        let principal: EmulatorState.Principal?
        switch await vertexPrincipal(incoming, route: route, version: version) {
        case .success(let found): principal = found
        case .failure(let error): return .error(error)
        }
        if let userProject = incoming.header("x-goog-user-project"), !projects.contains(userProject) {
            return .error(.userProjectDenied(project: userProject))
        }
        switch route {
        case .vertexList:
            if let reply = await applyFault(route: route, isStream: false).reply { return reply }
            return list(
                incoming,
                entries: ModelTable.models.filter { !$0.vertexLocations.isEmpty }.map(\.vertexEntry),
                key: "publisherModels",
                version: version
            )
        case .vertexGet(_, let model):
            if let reply = await applyFault(route: route, isStream: false).reply { return reply }
            guard let entry = ModelTable.model(model), !entry.vertexLocations.isEmpty else {
                return .error(.publisherModelNotFound(resource: "publishers/google/models/\(model)"))
            }
            return .json(entry.vertexEntry)
        case .vertexCall(_, let project, let location, let modelID, let method):
            let resource: String
            if let project, let location {
                resource = "projects/\(project)/locations/\(location)/publishers/google/models/\(modelID)"
                let permission = "aiplatform.endpoints.predict"
                guard projects.contains(project) else { return .error(.permissionDenied(resource: resource, permission: permission)) }
                if let owner = principal?.project, owner != project {
                    return .error(.permissionDenied(resource: resource, permission: permission))
                }
            } else {
                resource = "publishers/google/models/\(modelID)"
                if principal != nil {
                    // Express mode paths carry no project: only an API key can say whose quota to use.
                    return .error(
                        GoogleError.invalidArgument("Request must specify a project and location when authenticated with OAuth credentials.")
                    )
                }
            }
            return await modelCall(incoming, route: route, backend: .vertex, version: version, modelID: modelID, method: method) {
                guard let model = ModelTable.model(modelID), !model.vertexLocations.isEmpty else {
                    return .failure(.publisherModelNotFound(resource: resource))
                }
                if let location, !model.vertexLocations.contains(location) {
                    return .failure(.publisherModelNotFound(resource: resource))
                }
                if !model.supports(method: method) {
                    if model.kind == .imagen {
                        return .failure(
                            GoogleError(code: 400, status: "FAILED_PRECONDITION", message: "Model \(modelID) does not support \(method).")
                        )
                    }
                    return .failure(
                        GoogleError(
                            code: 400,
                            status: "FAILED_PRECONDITION",
                            message:
                                "Gemini cannot be accessed through Vertex Predict/RawPredict API. Please follow https://cloud.google.com/vertex-ai/docs/generative-ai/start/quickstarts/quickstart-multimodal for Gemini usage."
                        )
                    )
                }
                return .success(model)
            }
        default:
            return .error(GoogleError(code: 404, status: "NOT_FOUND", message: "Not found."))
        }
    }

    // MARK: Listing

    private func list(_ incoming: Incoming, entries: [JSONValue], key: String, version: String) -> Reply {
        var pageSize = 50
        if let text = incoming.queryValue("pageSize") {
            guard let size = Int(text), size >= 0 else {
                return .error(.invalidArgument("Invalid value at 'page_size' (TYPE_INT32), \"\(text)\""))
            }
            pageSize = size == 0 ? 50 : min(size, 1000)
        }
        var offset = 0
        if let token = incoming.queryValue("pageToken"), !token.isEmpty {
            guard let decoded = Base64Text.decode(token).map({ String(decoding: $0, as: UTF8.self) }), decoded.hasPrefix("offset:"),
                let value = Int(decoded.dropFirst("offset:".count)), value >= 0, value <= entries.count
            else {
                return .error(.invalidArgument("Invalid page token."))
            }
            offset = value
        }
        let page = Array(entries[offset..<min(entries.count, offset + pageSize)])
        var members: [(String, JSONValue)] = [(key, .array(page))]
        if offset + pageSize < entries.count {
            members.append(("nextPageToken", .string(Base64URL.encodeText("offset:\(offset + pageSize)"))))
        }
        return .json(.members(members))
    }

    // MARK: Model calls

    private func modelCall(
        _ incoming: Incoming,
        route: Route,
        backend: Backend,
        version: String,
        modelID: String,
        method: String,
        lookup: () -> Result<EmulatedModel, GoogleError>
    ) async -> Reply {
        let isStream = method == "streamGenerateContent"
        let fault = await applyFault(route: route, isStream: isStream)
        if let reply = fault.reply { return reply }
        let model: EmulatedModel
        switch lookup() {
        case .success(let found): model = found
        case .failure(let error): return .error(error)
        }
        let payload: JSONValue
        if incoming.body.isEmpty {
            payload = .object([:])
        } else {
            do {
                payload = try EmulatorJSON.parse(incoming.body)
            } catch {
                return .error(.badRequest([FieldViolation(field: nil, description: error.message)]))
            }
        }
        let validator = PayloadValidator(backend: backend, version: version)
        let messageName: String
        switch method {
        case "countTokens": messageName = backend == .aiStudio ? "AIStudioCountTokensRequest" : "VertexCountTokensRequest"
        case "predict": messageName = "PredictRequest"
        default: messageName = "GenerateContentRequest"
        }
        let violations = validator.violations(in: payload, message: messageName)
        if !violations.isEmpty { return .error(.badRequest(violations)) }

        do {
            let reply: Reply
            switch method {
            case "countTokens":
                reply = try countTokens(payload, model: model, backend: backend)
            case "predict":
                try ImagenBehaviour.validate(payload, backend: backend)
                reply = .json(ImagenBehaviour.predict(payload, model: model, triggerWord: configuration.imagenTriggerWord))
            default:
                let view = GenerateRequestView(payload)
                try GenerateContentBehaviour.validate(view, model: model, backend: backend)
                let answer = GenerateContentBehaviour.answer(view, model: model)
                if isStream {
                    let chunks = GenerateContentBehaviour.streamChunks(answer, model: model, backend: backend)
                    reply = streamReply(chunks, sse: incoming.queryValue("alt") == "sse", errorAfter: fault.streamErrorAfter)
                } else {
                    reply = .json(GenerateContentBehaviour.unaryResponse(answer, model: model, backend: backend))
                }
            }
            await state.count { $0.modelCallsSucceeded += 1 }
            return reply
        } catch {
            return .error(error)
        }
    }

    private func countTokens(_ payload: JSONValue, model: EmulatedModel, backend: Backend) throws(GoogleError) -> Reply {
        let count: TokenCount
        if let inner = payload.field("generateContentRequest") {
            let view = GenerateRequestView(inner)
            count = TokenEstimator.prompt(contents: view.contents, systemInstruction: view.systemInstruction, tools: view.tools)
        } else {
            let view = GenerateRequestView(payload)
            if view.contents.isEmpty, payload.field("instances") == nil {
                throw backend == .aiStudio
                    ? .invalidArgument("* CountTokensRequest.contents: contents is not specified\n")
                    : .invalidArgument("Unable to submit request because it must include at least one parts field, which describes the prompt input.")
            }
            count = TokenEstimator.prompt(contents: view.contents, systemInstruction: view.systemInstruction, tools: view.tools)
        }
        var members: [(String, JSONValue)] = [("totalTokens", .integer(Int64(count.total)))]
        if backend == .vertex {
            let characters = GenerateRequestView(payload).contents.flatMap { $0.list("parts") }.compactMap { $0.string("text") }
                .reduce(0) { $0 + $1.filter { !$0.isWhitespace }.count }
            members.append(("totalBillableCharacters", .integer(Int64(characters))))
        }
        members.append(("promptTokensDetails", count.details))
        return .json(.members(members))
    }

    /// `alt=sse`: `data: <json>\r\n\r\n` events; otherwise Google's streamed JSON array.
    private func streamReply(_ chunks: [JSONValue], sse: Bool, errorAfter: Int?) -> Reply {
        var pieces: [Data] = []
        let errorBody = GoogleError.forStatus(500).body
        for (index, chunk) in chunks.enumerated() {
            if let errorAfter, index == errorAfter { break }
            if sse {
                pieces.append(Data("data: \(EmulatorJSON.compactString(chunk))\r\n\r\n".utf8))
            } else {
                let prefix = index == 0 ? "[" : ",\r\n"
                pieces.append(Data(prefix.utf8) + EmulatorJSON.serialize(chunk, pretty: true).dropLast())
            }
        }
        if errorAfter != nil {
            if sse {
                pieces.append(Data("data: \(EmulatorJSON.compactString(errorBody))\r\n\r\n".utf8))
            } else {
                pieces.append(Data(((pieces.isEmpty ? "[" : ",\r\n") + EmulatorJSON.compactString(errorBody) + "]").utf8))
            }
        } else if !sse {
            pieces.append(Data("]".utf8))
        }
        let contentType = sse ? "text/event-stream" : "application/json; charset=UTF-8"
        return Reply(status: 200, headers: [("Content-Type", contentType)], body: .chunks(pieces))
    }
}

extension Base64URL {
    static func encodeText(_ text: String) -> String {
        encode(Array(text.utf8))
    }
}
