/// A call the model asks the client to make (`functionCall`).
public struct FunctionCall: WireMessage {
    /// An id pairing the call with its response.
    public var id: String?
    /// The function's name.
    public var name: String?
    /// The arguments, a JSON object carried verbatim.
    public var args: JSONValue?
    /// Streamed partial arguments (Vertex).
    public var partialArgs: JSONValue?
    /// Whether more partial arguments follow (Vertex).
    public var willContinue: Bool?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<FunctionCall>] = [
        WireField("id", \.id),
        WireField("name", \.name),
        WireField("args", \.args),
        WireField("partialArgs", \.partialArgs),
        WireField("willContinue", \.willContinue),
    ]
}
