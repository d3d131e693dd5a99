import Switchyard

/// Describes routes and catalog models in Google's `ModelInfo` shape (`name: "models/{id}"`) and OpenAI's.
enum ModelListing {
    /// A route or catalog model as Google lists models: name, display name, description, token limits and methods.
    static func modelInfo(_ model: GatewayModel, vertex: Bool) -> ModelInfo {
        var info = ModelInfo()
        info.name = (vertex ? "publishers/google/models/" : "models/") + model.id
        info.baseModelId = model.id
        info.version = "switchyard"
        info.displayName = model.id
        let targets = model.targets.map { "\($0.provider)/\($0.model)" }.joined(separator: ", ")
        info.description = model.isRoute ? "Switchyard route: \(targets)" : "Catalog model served by \(targets)"
        let capabilities = model.capabilities
        info.inputTokenLimit = capabilities?.contextWindow
        info.outputTokenLimit = capabilities?.maxOutputTokens
        if capabilities?.apiMethod == .predict {
            info.supportedGenerationMethods = ["predict"]
        } else {
            info.supportedGenerationMethods = ["generateContent", "streamGenerateContent", "countTokens"]
        }
        return info
    }

    /// 404 for a model that is neither a route nor a catalog model.
    static func unknownModel(_ model: String, gateway: Gateway) -> ServerError {
        let routes = gateway.models().filter(\.isRoute).map(\.id).sorted()
        return ServerError(
            httpStatus: 404,
            googleStatus: "NOT_FOUND",
            code: SwitchyardError.Code.unknownModel.rawValue,
            message: "models/\(model) is not a route or a catalog model of this gateway"
                + (routes.isEmpty ? "" : " (routes: \(routes.joined(separator: ", ")))"),
            parameter: "model"
        )
    }
}
