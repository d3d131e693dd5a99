/// What a request needs from a model, derived once per request and checked against each target's capabilities.
public struct RequestNeeds: Sendable, Hashable {
    /// The output modalities the caller listed (`generationConfig.responseModalities`); empty means the default, text.
    public var acceptedOutputModalities: [Modality]
    /// The modalities of the content in the prompt (system instruction included).
    public var inputModalities: Set<Modality>
    /// The optional features the request uses.
    public var features: Set<ModelFeature>
    /// The prompt's size in tokens, estimated by ``TokenEstimate``.
    public var estimatedPromptTokens: Int
    /// `generationConfig.maxOutputTokens`, when set.
    public var requestedMaxOutputTokens: Int?
    /// `generationConfig.candidateCount`, when set.
    public var candidateCount: Int?
    /// `generationConfig.imageConfig.aspectRatio`, when set.
    public var aspectRatio: String?
    /// How many contents the conversation has.
    public var contentCount: Int
    /// Whether `generationConfig.seed` is set.
    public var usesSeed: Bool

    /// Derives the needs of a generate request.
    /// - Parameters:
    ///   - request: The request.
    ///   - streaming: Whether the caller asked for `streamGenerateContent`.
    public init(request: GenerateContentRequest, streaming: Bool) {
        let config = request.generationConfig
        acceptedOutputModalities = config?.responseModalities ?? []
        let contents = request.contents ?? []
        contentCount = contents.count
        var inputs: Set<Modality> = []
        for content in contents + [request.systemInstruction].compactMap({ $0 }) {
            for part in content.parts ?? [] {
                if let modality = Self.inputModality(of: part) { inputs.insert(modality) }
            }
        }
        inputModalities = inputs

        var features: Set<ModelFeature> = []
        if let tools = request.tools, !tools.isEmpty { features.insert(.tools) }
        if let calling = request.toolConfig?.functionCallingConfig {
            let forcing = calling.mode.map { $0 != .auto && $0 != .unspecified } ?? false
            if forcing || !(calling.allowedFunctionNames ?? []).isEmpty { features.insert(.toolChoice) }
        }
        if let config {
            if config.temperature != nil { features.insert(.temperature) }
            if config.topP != nil { features.insert(.topP) }
            if config.topK != nil { features.insert(.topK) }
            if config.maxOutputTokens != nil { features.insert(.maxTokens) }
            if let stops = config.stopSequences, !stops.isEmpty { features.insert(.stopSequences) }
            let jsonMime = config.responseMimeType.map { $0.lowercased().hasPrefix("application/json") } ?? false
            if jsonMime || config.responseSchema != nil || config.responseJsonSchema != nil { features.insert(.structuredOutputs) }
        }
        if streaming { features.insert(.streaming) }
        if contents.count > 1 || contents.contains(where: { $0.role != nil && $0.role != .user }) {
            features.insert(.multiTurn)
        }
        self.features = features
        estimatedPromptTokens = TokenEstimate.promptTokens(of: request)
        requestedMaxOutputTokens = config?.maxOutputTokens
        candidateCount = config?.candidateCount
        aspectRatio = config?.imageConfig?.aspectRatio
        usesSeed = config?.seed != nil
    }

    /// The output modalities a model must be able to produce. Listing `IMAGE` makes image output required and text
    /// optional (a model that answers with images only fits `["TEXT","IMAGE"]`); no list means text.
    public var requiredOutputModalities: [Modality] {
        if acceptedOutputModalities.isEmpty { return [.text] }
        if acceptedOutputModalities.contains(.image) {
            return acceptedOutputModalities.filter { $0 != .text }.uniqued()
        }
        return acceptedOutputModalities.uniqued()
    }

    /// Whether image output is required.
    public var needsImageOutput: Bool { requiredOutputModalities.contains(.image) }
    /// Whether the prompt holds images.
    public var hasImageInput: Bool { inputModalities.contains(.image) }
    /// Whether the request uses a feature.
    public func uses(_ feature: ModelFeature) -> Bool { features.contains(feature) }

    /// The modality of a part's media, from its MIME type: `image/*`, `audio/*`, `video/*`, `text/*` (text),
    /// anything else a document. Text parts are text; function and code parts have none.
    static func inputModality(of part: Part) -> Modality? {
        if part.text != nil { return .text }
        guard let mimeType = part.inlineData?.mimeType ?? part.fileData?.mimeType else {
            return part.inlineData != nil || part.fileData != nil ? .document : nil
        }
        let type = mimeType.lowercased()
        if type.hasPrefix("image/") { return .image }
        if type.hasPrefix("audio/") { return .audio }
        if type.hasPrefix("video/") { return .video }
        if type.hasPrefix("text/") { return .text }
        return .document
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in first-seen order.
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
