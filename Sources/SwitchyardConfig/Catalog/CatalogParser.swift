import SwitchyardCore

/// Reads catalog YAML (provider files and model overrides in the gateway configuration).
enum CatalogParser {
    static let modelKeys = [
        "display_name", "api_method", "input", "output", "context_window", "max_output_tokens", "max_candidates", "features", "images",
        "locations", "source",
    ]
    static let modalities: [Modality] = [.text, .image, .audio, .video, .document]
    static let featureNames: [String: ModelFeature] = Dictionary(
        uniqueKeysWithValues: ModelFeature.all.map { (snakeCase($0.rawValue), $0) }
    )

    static func catalog(_ root: YAMLNode) -> ProviderCatalog? {
        let keys = ["type", "display_name", "auth", "endpoint", "regions", "models"]
        guard let object = root.object(allowed: keys) else { return nil }
        let type = object.required("type")?.text().map(ProviderType.init(rawValue:))
        let displayName = object["display_name"]?.text()
        let auth = object.required("auth")?.list()?.compactMap { node in
            node.choice([AuthKind.apiKey, .oauth, .apiKeyExpress].map(\.rawValue)).map(AuthKind.init(rawValue:))
        }
        let endpoint = object.required("endpoint").flatMap(endpointTemplate)
        let regions = object["regions"]?.stringList() ?? []
        var models: [String: CatalogModel] = [:]
        for (id, node) in object.required("models")?.members() ?? [] {
            if let model = model(node, id: id, base: nil) { models[id] = model }
        }
        guard let type, let auth, let endpoint else { return nil }
        return ProviderCatalog(
            type: type,
            displayName: displayName ?? type.rawValue,
            authKinds: auth,
            endpoint: endpoint,
            regions: regions,
            models: models
        )
    }

    static func endpointTemplate(_ node: YAMLNode) -> EndpointTemplate? {
        let keys = [
            "base_url", "global_base_url", "multi_region_base_url", "multi_regions", "express_base_url", "api_versions", "default_api_version",
            "model_path", "express_model_path", "url",
        ]
        guard let object = node.object(allowed: keys) else { return nil }
        let baseURL = object.required("base_url")?.text()
        let versions = object.required("api_versions")?.stringList()
        let defaultVersion = object.required("default_api_version")?.text()
        let modelPath = object.required("model_path")?.text()
        guard let baseURL, let versions, let defaultVersion, let modelPath else { return nil }
        if !versions.contains(defaultVersion), let versionNode = object["default_api_version"] {
            versionNode.log.add(.invalidValue, line: versionNode.line, path: versionNode.path, "\"\(defaultVersion)\" is not in api_versions")
        }
        return EndpointTemplate(
            baseURL: baseURL,
            globalBaseURL: object["global_base_url"]?.text(),
            multiRegionBaseURL: object["multi_region_base_url"]?.text(),
            multiRegions: object["multi_regions"]?.stringList() ?? [],
            expressBaseURL: object["express_base_url"]?.text(),
            apiVersions: versions,
            defaultAPIVersion: defaultVersion,
            modelPath: modelPath,
            expressModelPath: object["express_model_path"]?.text()
        )
    }

    /// A model entry; with `base`, only the keys given replace the base's values (catalog overrides).
    static func model(_ node: YAMLNode, id: String, base: CatalogModel?) -> CatalogModel? {
        guard let object = node.object(allowed: modelKeys) else { return nil }
        var model = base ?? CatalogModel(id: id, capabilities: ModelCapabilities())
        if let value = object["display_name"]?.text() { model.displayName = value }
        if let value = object["api_method"]?.choice([APIMethod.generateContent.rawValue, APIMethod.predict.rawValue]) {
            model.capabilities.apiMethod = APIMethod(rawValue: value)
        }
        if let value = object["input"].flatMap(modalityList) { model.capabilities.inputModalities = value }
        if let value = object["output"].flatMap(modalityList) { model.capabilities.outputModalities = value }
        if let value = object["context_window"]?.integer(in: 1...Int.max) { model.capabilities.contextWindow = value }
        if let value = object["max_output_tokens"]?.integer(in: 1...Int.max) { model.capabilities.maxOutputTokens = value }
        if let value = object["max_candidates"]?.integer(in: 1...Int.max) { model.capabilities.maxCandidates = value }
        if let list = object["features"]?.list() {
            let names = featureNames.keys.sorted()
            model.capabilities.features = Set(list.compactMap { $0.choice(names).flatMap { featureNames[$0] } })
        }
        if let images = object["images"] {
            model.capabilities.images = imageLimits(images, base: model.capabilities.images)
        }
        if let value = object["locations"]?.stringList() { model.locations = value }
        if let value = object["source"]?.text() { model.source = value }
        return model
    }

    static func modalityList(_ node: YAMLNode) -> [Modality]? {
        node.list()?.compactMap { $0.choice(modalities.map(\.rawValue)).map(Modality.init(rawValue:)) }
    }

    static func imageLimits(_ node: YAMLNode, base: ImageGenerationLimits?) -> ImageGenerationLimits? {
        guard let object = node.object(allowed: ["per_call", "aspect_ratios", "negative_prompt", "seed"]) else { return base }
        var limits = base ?? ImageGenerationLimits()
        if let perCall = object["per_call"] {
            let bounds = perCall.list()?.compactMap { $0.integer(in: 1...Int.max) }
            if let bounds, bounds.count == 2, bounds[0] <= bounds[1] {
                limits.imagesPerCall = bounds[0]...bounds[1]
            } else if bounds != nil {
                perCall.log.add(.invalidValue, line: perCall.line, path: perCall.path, "expected [minimum, maximum]")
            }
        }
        if let value = object["aspect_ratios"]?.stringList() { limits.aspectRatios = value }
        if let value = object["negative_prompt"]?.boolean() { limits.negativePrompt = value }
        if let value = object["seed"]?.boolean() { limits.seed = value }
        return limits
    }

    /// `toolChoice` → `tool_choice`.
    static func snakeCase(_ name: String) -> String {
        var output = ""
        for character in name {
            if character.isUppercase {
                output += "_" + character.lowercased()
            } else {
                output.append(character)
            }
        }
        return output
    }
}
