/// A tool the model may use: function declarations or a built-in tool. Built-in tools are carried verbatim.
public struct Tool: WireMessage {
    /// Functions the model may call.
    public var functionDeclarations: [FunctionDeclaration]?
    /// Grounding with Google Search.
    public var googleSearch: JSONValue?
    /// Legacy dynamic-retrieval search grounding.
    public var googleSearchRetrieval: JSONValue?
    /// Code execution.
    public var codeExecution: JSONValue?
    /// Vertex RAG or Vertex AI Search retrieval (Vertex only).
    public var retrieval: JSONValue?
    /// URL context.
    public var urlContext: JSONValue?
    /// Grounding with Google Maps.
    public var googleMaps: JSONValue?
    /// Computer use.
    public var computerUse: JSONValue?
    /// File Search stores (AI Studio only).
    public var fileSearch: JSONValue?
    /// Enterprise web search (Vertex only).
    public var enterpriseWebSearch: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<Tool>] = [
        WireField("functionDeclarations", \.functionDeclarations),
        WireField("googleSearch", \.googleSearch),
        WireField("googleSearchRetrieval", \.googleSearchRetrieval),
        WireField("codeExecution", \.codeExecution),
        WireField("retrieval", \.retrieval),
        WireField("urlContext", \.urlContext),
        WireField("googleMaps", \.googleMaps),
        WireField("computerUse", \.computerUse),
        WireField("fileSearch", \.fileSearch),
        WireField("enterpriseWebSearch", \.enterpriseWebSearch),
    ]
}
