/// One entry of a model list (`models.get` / `models.list`).
public struct ModelInfo: WireMessage {
    /// Resource name, e.g. `models/gemini-2.0-flash`.
    public var name: String?
    /// The base model's id.
    public var baseModelId: String?
    /// The version.
    public var version: String?
    /// A human name.
    public var displayName: String?
    /// A description.
    public var description: String?
    /// The context window.
    public var inputTokenLimit: Int?
    /// The most output tokens.
    public var outputTokenLimit: Int?
    /// e.g. `generateContent`, `countTokens`, `predict`.
    public var supportedGenerationMethods: [String]?
    /// Default temperature.
    public var temperature: Double?
    /// Highest temperature.
    public var maxTemperature: Double?
    /// Default top-p.
    public var topP: Double?
    /// Default top-k.
    public var topK: Int?
    /// Whether the model thinks.
    public var thinking: Bool?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ModelInfo>] = [
        WireField("name", \.name),
        WireField("baseModelId", \.baseModelId),
        WireField("version", \.version),
        WireField("displayName", \.displayName),
        WireField("description", \.description),
        WireField("inputTokenLimit", \.inputTokenLimit),
        WireField("outputTokenLimit", \.outputTokenLimit),
        WireField("supportedGenerationMethods", \.supportedGenerationMethods),
        WireField("temperature", \.temperature),
        WireField("maxTemperature", \.maxTemperature),
        WireField("topP", \.topP),
        WireField("topK", \.topK),
        WireField("thinking", \.thinking),
    ]
}

/// A page of models (`models.list`).
public struct ListModelsResponse: WireMessage {
    /// The models.
    public var models: [ModelInfo]?
    /// Token of the next page.
    public var nextPageToken: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ListModelsResponse>] = [
        WireField("models", \.models),
        WireField("nextPageToken", \.nextPageToken),
    ]
}
