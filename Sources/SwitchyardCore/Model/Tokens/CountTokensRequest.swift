/// The body of `countTokens`. AI Studio takes `contents` or `generateContentRequest`; Vertex also takes `systemInstruction`, `tools` and `generationConfig`.
public struct CountTokensRequest: WireMessage {
    /// The contents to count.
    public var contents: [Content]?
    /// A whole request to count (AI Studio).
    public var generateContentRequest: GenerateContentRequest?
    /// A system instruction to count (Vertex).
    public var systemInstruction: Content?
    /// Tools to count (Vertex).
    public var tools: [Tool]?
    /// Generation options (Vertex).
    public var generationConfig: GenerationConfig?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<CountTokensRequest>] = [
        WireField("contents", \.contents),
        WireField("generateContentRequest", \.generateContentRequest),
        WireField("systemInstruction", \.systemInstruction),
        WireField("tools", \.tools),
        WireField("generationConfig", \.generationConfig),
    ]
}
