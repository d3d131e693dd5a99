import Foundation
import SwitchyardCore
import SwitchyardCrypto

/// The Gemini Developer API: API key (or an emulator-issued OAuth token), then models.
extension EmulatorCore {
    // MARK: AI Studio

    func apiKey(_ incoming: Incoming) -> String? {
        incoming.header("x-goog-api-key") ?? incoming.queryValue("key")
    }

    func aiStudio(_ incoming: Incoming, route: Route) async -> Reply {
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
}
