/// The body of `generateContent` and `streamGenerateContent`, the union of AI Studio and Vertex AI.
public struct GenerateContentRequest: WireMessage {
    /// The model resource name, when the body carries one (batch and count-tokens bodies).
    public var model: String?
    /// The conversation so far; the last content is the new prompt.
    public var contents: [Content]?
    /// Instructions that steer the model.
    public var systemInstruction: Content?
    /// Safety thresholds per category.
    public var safetySettings: [SafetySetting]?
    /// Tools the model may use.
    public var tools: [Tool]?
    /// How the tools may be used.
    public var toolConfig: ToolConfig?
    /// Sampling and output options.
    public var generationConfig: GenerationConfig?
    /// Name of cached content to use as prefix.
    public var cachedContent: String?
    /// Caller labels (a string map), carried verbatim.
    public var labels: JSONValue?
    /// The requested service tier.
    public var serviceTier: String?
    /// Token to continue an earlier response.
    public var continuationToken: JSONValue?
    /// Whether to store the interaction (AI Studio only).
    public var store: Bool?
    /// Model Armor templates (Vertex only).
    public var modelArmorConfig: JSONValue?
    /// Output destination (Vertex only).
    public var outputConfig: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<GenerateContentRequest>] = [
        WireField("model", \.model),
        WireField("contents", \.contents),
        WireField("systemInstruction", \.systemInstruction),
        WireField("safetySettings", \.safetySettings),
        WireField("tools", \.tools),
        WireField("toolConfig", \.toolConfig),
        WireField("generationConfig", \.generationConfig),
        WireField("cachedContent", \.cachedContent),
        WireField("labels", \.labels),
        WireField("serviceTier", \.serviceTier),
        WireField("continuationToken", \.continuationToken),
        WireField("store", \.store),
        WireField("modelArmorConfig", \.modelArmorConfig),
        WireField("outputConfig", \.outputConfig),
    ]
}
