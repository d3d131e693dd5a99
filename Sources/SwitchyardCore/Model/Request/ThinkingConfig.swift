/// Thinking options (`generationConfig.thinkingConfig`).
public struct ThinkingConfig: WireMessage {
    /// Whether to return thought parts.
    public var includeThoughts: Bool?
    /// Token budget for thinking; 0 disables, -1 is dynamic.
    public var thinkingBudget: Int?
    /// `LOW` or `HIGH`.
    public var thinkingLevel: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ThinkingConfig>] = [
        WireField("includeThoughts", \.includeThoughts),
        WireField("thinkingBudget", \.thinkingBudget),
        WireField("thinkingLevel", \.thinkingLevel),
    ]
}
