/// Token counts of a response (`usageMetadata`).
public struct UsageMetadata: WireMessage {
    /// Tokens in the prompt.
    public var promptTokenCount: Int?
    /// Tokens in all candidates.
    public var candidatesTokenCount: Int?
    /// All tokens.
    public var totalTokenCount: Int?
    /// Thinking tokens.
    public var thoughtsTokenCount: Int?
    /// Tokens read from cached content.
    public var cachedContentTokenCount: Int?
    /// Tokens of tool-use prompts.
    public var toolUsePromptTokenCount: Int?
    /// Prompt tokens per modality.
    public var promptTokensDetails: [ModalityTokenCount]?
    /// Candidate tokens per modality.
    public var candidatesTokensDetails: [ModalityTokenCount]?
    /// Cached tokens per modality.
    public var cacheTokensDetails: [ModalityTokenCount]?
    /// Tool-use tokens per modality.
    public var toolUsePromptTokensDetails: [ModalityTokenCount]?
    /// Billing traffic type, e.g. `ON_DEMAND` (Vertex).
    public var trafficType: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<UsageMetadata>] = [
        WireField("promptTokenCount", \.promptTokenCount),
        WireField("candidatesTokenCount", \.candidatesTokenCount),
        WireField("totalTokenCount", \.totalTokenCount),
        WireField("thoughtsTokenCount", \.thoughtsTokenCount),
        WireField("cachedContentTokenCount", \.cachedContentTokenCount),
        WireField("toolUsePromptTokenCount", \.toolUsePromptTokenCount),
        WireField("promptTokensDetails", \.promptTokensDetails),
        WireField("candidatesTokensDetails", \.candidatesTokensDetails),
        WireField("cacheTokensDetails", \.cacheTokensDetails),
        WireField("toolUsePromptTokensDetails", \.toolUsePromptTokensDetails),
        WireField("trafficType", \.trafficType),
    ]
}

/// Tokens of one modality.
public struct ModalityTokenCount: WireMessage {
    /// The modality.
    public var modality: Modality?
    /// The token count.
    public var tokenCount: Int?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ModalityTokenCount>] = [
        WireField("modality", \.modality),
        WireField("tokenCount", \.tokenCount),
    ]
}
