/// A `generateContent` response, or one chunk of a stream; the union of both backends.
public struct GenerateContentResponse: WireMessage {
    /// The candidates.
    public var candidates: [Candidate]?
    /// Why the prompt was blocked, if it was.
    public var promptFeedback: PromptFeedback?
    /// Token counts.
    public var usageMetadata: UsageMetadata?
    /// The model version that answered.
    public var modelVersion: String?
    /// The response's id.
    public var responseId: String?
    /// When the response was made (Vertex only).
    public var createTime: String?
    /// The model's lifecycle stage (AI Studio only).
    public var modelStatus: ModelStatus?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<GenerateContentResponse>] = [
        WireField("candidates", \.candidates),
        WireField("promptFeedback", \.promptFeedback),
        WireField("usageMetadata", \.usageMetadata),
        WireField("modelVersion", \.modelVersion),
        WireField("responseId", \.responseId),
        WireField("createTime", \.createTime),
        WireField("modelStatus", \.modelStatus),
    ]
}
