/// The result of a function call, sent back to the model (`functionResponse`).
public struct FunctionResponse: WireMessage {
    /// The id of the call this answers.
    public var id: String?
    /// The function's name.
    public var name: String?
    /// The result, a JSON object carried verbatim.
    public var response: JSONValue?
    /// Whether more responses follow (AI Studio).
    public var willContinue: Bool?
    /// When the model should act on the response (AI Studio).
    public var scheduling: String?
    /// Media parts of the response.
    public var parts: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<FunctionResponse>] = [
        WireField("id", \.id),
        WireField("name", \.name),
        WireField("response", \.response),
        WireField("willContinue", \.willContinue),
        WireField("scheduling", \.scheduling),
        WireField("parts", \.parts),
    ]
}
