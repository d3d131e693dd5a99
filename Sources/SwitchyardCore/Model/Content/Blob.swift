/// Inline media (`inlineData`): a MIME type and the bytes as base64, kept as received.
public struct Blob: WireMessage {
    /// The IANA MIME type, e.g. `image/png`.
    public var mimeType: String?
    /// The bytes, as base64.
    public var data: Base64Payload?
    /// A display name.
    public var displayName: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<Blob>] = [
        WireField("mimeType", \.mimeType),
        WireField("data", \.data),
        WireField("displayName", \.displayName),
    ]
}
