/// One piece of a content: text, inline media, a file reference, a function call or response, code, or a thought.
public struct Part: WireMessage {
    /// Text.
    public var text: String?
    /// Whether this part is the model's reasoning rather than its answer.
    public var thought: Bool?
    /// Opaque signature of a thought, to be sent back on the next turn.
    public var thoughtSignature: Base64Payload?
    /// Media carried inline as base64.
    public var inlineData: Blob?
    /// Media referenced by URI.
    public var fileData: FileData?
    /// A function the model wants called.
    public var functionCall: FunctionCall?
    /// The result of a function call.
    public var functionResponse: FunctionResponse?
    /// Code the model generated for the code-execution tool.
    public var executableCode: ExecutableCode?
    /// The result of running `executableCode`.
    public var codeExecutionResult: CodeExecutionResult?
    /// Clip offsets and frame rate for video parts.
    public var videoMetadata: JSONValue?
    /// Per-part media resolution.
    public var mediaResolution: JSONValue?
    /// Caller metadata for the part (AI Studio).
    public var partMetadata: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<Part>] = [
        WireField("text", \.text),
        WireField("thought", \.thought),
        WireField("thoughtSignature", \.thoughtSignature),
        WireField("inlineData", \.inlineData),
        WireField("fileData", \.fileData),
        WireField("functionCall", \.functionCall),
        WireField("functionResponse", \.functionResponse),
        WireField("executableCode", \.executableCode),
        WireField("codeExecutionResult", \.codeExecutionResult),
        WireField("videoMetadata", \.videoMetadata),
        WireField("mediaResolution", \.mediaResolution),
        WireField("partMetadata", \.partMetadata),
    ]
}
