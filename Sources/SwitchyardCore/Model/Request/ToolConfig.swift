/// How tools may be used (`toolConfig`).
public struct ToolConfig: WireMessage {
    /// Function-calling mode and allowed names.
    public var functionCallingConfig: FunctionCallingConfig?
    /// Location and language hints for retrieval tools.
    public var retrievalConfig: JSONValue?
    /// Whether to return server-side tool calls (AI Studio only).
    public var includeServerSideToolInvocations: Bool?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ToolConfig>] = [
        WireField("functionCallingConfig", \.functionCallingConfig),
        WireField("retrievalConfig", \.retrievalConfig),
        WireField("includeServerSideToolInvocations", \.includeServerSideToolInvocations),
    ]
}

/// The function-calling mode (`toolConfig.functionCallingConfig`).
public struct FunctionCallingConfig: WireMessage {
    /// `AUTO`, `ANY`, `NONE` or `VALIDATED`.
    public var mode: FunctionCallingMode?
    /// With `ANY`, the functions the model may call.
    public var allowedFunctionNames: [String]?
    /// Whether to stream call arguments (Vertex only).
    public var streamFunctionCallArguments: Bool?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<FunctionCallingConfig>] = [
        WireField("mode", \.mode),
        WireField("allowedFunctionNames", \.allowedFunctionNames),
        WireField("streamFunctionCallArguments", \.streamFunctionCallArguments),
    ]
}
