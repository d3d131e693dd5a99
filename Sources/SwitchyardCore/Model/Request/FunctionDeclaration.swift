/// A function the model may call.
public struct FunctionDeclaration: WireMessage {
    /// The function's name.
    public var name: String?
    /// What the function does.
    public var description: String?
    /// `BLOCKING` or `NON_BLOCKING`.
    public var behavior: String?
    /// The parameters as an OpenAPI-style schema, carried verbatim.
    public var parameters: JSONValue?
    /// The parameters as JSON Schema, carried verbatim.
    public var parametersJsonSchema: JSONValue?
    /// The result as an OpenAPI-style schema, carried verbatim.
    public var response: JSONValue?
    /// The result as JSON Schema, carried verbatim.
    public var responseJsonSchema: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<FunctionDeclaration>] = [
        WireField("name", \.name),
        WireField("description", \.description),
        WireField("behavior", \.behavior),
        WireField("parameters", \.parameters),
        WireField("parametersJsonSchema", \.parametersJsonSchema),
        WireField("response", \.response),
        WireField("responseJsonSchema", \.responseJsonSchema),
    ]
}
