/// One generated answer.
public struct Candidate: WireMessage {
    /// The answer.
    public var content: Content?
    /// Why generation stopped.
    public var finishReason: FinishReason?
    /// Detail about the finish reason (Vertex).
    public var finishMessage: String?
    /// The candidate's index.
    public var index: Int?
    /// Safety ratings of the answer.
    public var safetyRatings: [SafetyRating]?
    /// Sources the answer quotes.
    public var citationMetadata: CitationMetadata?
    /// Grounding sources.
    public var groundingMetadata: GroundingMetadata?
    /// URL-context retrieval results.
    public var urlContextMetadata: JSONValue?
    /// Average log probability.
    public var avgLogprobs: Double?
    /// Log probabilities.
    public var logprobsResult: JSONValue?
    /// Token count (AI Studio).
    public var tokenCount: Int?
    /// Token to continue this answer.
    public var continuationToken: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<Candidate>] = [
        WireField("content", \.content),
        WireField("finishReason", \.finishReason),
        WireField("finishMessage", \.finishMessage),
        WireField("index", \.index),
        WireField("safetyRatings", \.safetyRatings),
        WireField("citationMetadata", \.citationMetadata),
        WireField("groundingMetadata", \.groundingMetadata),
        WireField("urlContextMetadata", \.urlContextMetadata),
        WireField("avgLogprobs", \.avgLogprobs),
        WireField("logprobsResult", \.logprobsResult),
        WireField("tokenCount", \.tokenCount),
        WireField("continuationToken", \.continuationToken),
    ]
}
