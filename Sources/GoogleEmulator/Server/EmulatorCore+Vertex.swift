import Foundation
import SwitchyardCore
import SwitchyardCrypto

/// Vertex AI: bearer token, self-signed JWT or express-mode key; project, quota project and region checks.
extension EmulatorCore {
    // MARK: Vertex AI

    func grpcMethod(_ route: Route, version: String) -> String {
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
    func vertexPrincipal(_ incoming: Incoming, route: Route, version: String) async -> Result<EmulatorState.Principal?, GoogleError> {
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

    func vertex(_ incoming: Incoming, route: Route) async -> Reply {
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
}
