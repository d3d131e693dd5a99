/// Feedback about the prompt (`promptFeedback`).
public struct PromptFeedback: WireMessage {
    /// Why the prompt was blocked.
    public var blockReason: BlockReason?
    /// Explanation of the block (Vertex).
    public var blockReasonMessage: String?
    /// Safety ratings of the prompt.
    public var safetyRatings: [SafetyRating]?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<PromptFeedback>] = [
        WireField("blockReason", \.blockReason),
        WireField("blockReasonMessage", \.blockReasonMessage),
        WireField("safetyRatings", \.safetyRatings),
    ]
}
