/// Sampling and output options (`generationConfig`).
public struct GenerationConfig: WireMessage {
    /// Sampling temperature.
    public var temperature: Double?
    /// Nucleus-sampling probability mass.
    public var topP: Double?
    /// Top-k sampling.
    public var topK: Double?
    /// How many candidates to return.
    public var candidateCount: Int?
    /// The most tokens to generate per candidate.
    public var maxOutputTokens: Int?
    /// Sequences that stop generation.
    public var stopSequences: [String]?
    /// Whether to return log probabilities.
    public var responseLogprobs: Bool?
    /// How many top log probabilities to return.
    public var logprobs: Int?
    /// Presence penalty.
    public var presencePenalty: Double?
    /// Frequency penalty.
    public var frequencyPenalty: Double?
    /// Sampling seed.
    public var seed: Int?
    /// The output MIME type, e.g. `application/json`.
    public var responseMimeType: String?
    /// The output schema, OpenAPI style, carried verbatim.
    public var responseSchema: JSONValue?
    /// The output schema, JSON Schema, carried verbatim.
    public var responseJsonSchema: JSONValue?
    /// Output modalities, e.g. `["TEXT","IMAGE"]`.
    public var responseModalities: [Modality]?
    /// Input media resolution, e.g. `MEDIA_RESOLUTION_LOW`.
    public var mediaResolution: String?
    /// Voice options for audio output.
    public var speechConfig: SpeechConfig?
    /// Thinking options.
    public var thinkingConfig: ThinkingConfig?
    /// Image output options.
    public var imageConfig: ImageConfig?
    /// Audio transcription options.
    public var audioTranscriptionConfig: JSONValue?
    /// Model routing (Vertex only).
    public var routingConfig: JSONValue?
    /// Model selection (Vertex only).
    public var modelConfig: JSONValue?
    /// Whether to timestamp audio (Vertex only).
    public var audioTimestamp: Bool?
    /// Enhanced civic answers (AI Studio only).
    public var enableEnhancedCivicAnswers: Bool?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<GenerationConfig>] = [
        WireField("temperature", \.temperature),
        WireField("topP", \.topP),
        WireField("topK", \.topK),
        WireField("candidateCount", \.candidateCount),
        WireField("maxOutputTokens", \.maxOutputTokens),
        WireField("stopSequences", \.stopSequences),
        WireField("responseLogprobs", \.responseLogprobs),
        WireField("logprobs", \.logprobs),
        WireField("presencePenalty", \.presencePenalty),
        WireField("frequencyPenalty", \.frequencyPenalty),
        WireField("seed", \.seed),
        WireField("responseMimeType", \.responseMimeType),
        WireField("responseSchema", \.responseSchema),
        WireField("responseJsonSchema", \.responseJsonSchema),
        WireField("responseModalities", \.responseModalities),
        WireField("mediaResolution", \.mediaResolution),
        WireField("speechConfig", \.speechConfig),
        WireField("thinkingConfig", \.thinkingConfig),
        WireField("imageConfig", \.imageConfig),
        WireField("audioTranscriptionConfig", \.audioTranscriptionConfig),
        WireField("routingConfig", \.routingConfig),
        WireField("modelConfig", \.modelConfig),
        WireField("audioTimestamp", \.audioTimestamp),
        WireField("enableEnhancedCivicAnswers", \.enableEnhancedCivicAnswers),
    ]
}
