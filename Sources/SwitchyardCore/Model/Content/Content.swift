/// One turn of a conversation, or a system instruction: a role and ordered parts (`contents[]`).
public struct Content: WireMessage {
    /// `user` or `model` (the SDK sends `user` for system instructions).
    public var role: Role?
    /// The parts, in order.
    public var parts: [Part]?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<Content>] = [
        WireField("role", \.role),
        WireField("parts", \.parts),
    ]
}
