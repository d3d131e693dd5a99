/// An image given inline as base64 or by Cloud Storage URI.
public struct ImagenImage: WireMessage {
    /// The bytes, as base64.
    public var bytesBase64Encoded: Base64Payload?
    /// A `gs://` URI.
    public var gcsUri: String?
    /// The MIME type.
    public var mimeType: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenImage>] = [
        WireField("bytesBase64Encoded", \.bytesBase64Encoded),
        WireField("gcsUri", \.gcsUri),
        WireField("mimeType", \.mimeType),
    ]
}
