/// Media referenced by URI (`fileData`): a Files API URI on AI Studio, `gs://` or `https://` on Vertex.
public struct FileData: WireMessage {
    /// The IANA MIME type.
    public var mimeType: String?
    /// The file's URI.
    public var fileUri: String?
    /// A display name.
    public var displayName: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<FileData>] = [
        WireField("mimeType", \.mimeType),
        WireField("fileUri", \.fileUri),
        WireField("displayName", \.displayName),
    ]
}
