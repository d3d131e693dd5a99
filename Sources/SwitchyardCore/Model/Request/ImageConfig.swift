/// Image output options (`generationConfig.imageConfig`).
public struct ImageConfig: WireMessage {
    /// e.g. `16:9`.
    public var aspectRatio: String?
    /// e.g. `1K`, `2K`.
    public var imageSize: String?
    /// Whether people may be generated (Vertex only).
    public var personGeneration: String?
    /// Whether prominent people may be generated (Vertex only).
    public var prominentPeople: String?
    /// Output encoding (Vertex only).
    public var imageOutputOptions: ImageOutputOptions?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImageConfig>] = [
        WireField("aspectRatio", \.aspectRatio),
        WireField("imageSize", \.imageSize),
        WireField("personGeneration", \.personGeneration),
        WireField("prominentPeople", \.prominentPeople),
        WireField("imageOutputOptions", \.imageOutputOptions),
    ]
}

/// Encoding of generated images (`imageConfig.imageOutputOptions`, Imagen `outputOptions`).
public struct ImageOutputOptions: WireMessage {
    /// e.g. `image/jpeg`.
    public var mimeType: String?
    /// JPEG quality, 0–100.
    public var compressionQuality: Int?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImageOutputOptions>] = [
        WireField("mimeType", \.mimeType),
        WireField("compressionQuality", \.compressionQuality),
    ]
}
