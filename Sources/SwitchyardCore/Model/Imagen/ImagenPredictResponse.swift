/// The answer of an Imagen `:predict` call.
public struct ImagenPredictResponse: WireMessage {
    /// One entry per image, plus an optional prompt safety entry.
    public var predictions: [ImagenPrediction]?
    /// Safety attributes of the prompt.
    public var positivePromptSafetyAttributes: ImagenSafetyAttributes?
    /// Call metadata.
    public var metadata: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenPredictResponse>] = [
        WireField("predictions", \.predictions),
        WireField("positivePromptSafetyAttributes", \.positivePromptSafetyAttributes),
        WireField("metadata", \.metadata),
    ]
}

/// One generated image, a filtered image's reason, or the prompt's safety attributes.
public struct ImagenPrediction: WireMessage {
    /// The image bytes, as base64.
    public var bytesBase64Encoded: Base64Payload?
    /// The image's MIME type.
    public var mimeType: String?
    /// Where the image was written, when `storageUri` was given.
    public var gcsUri: String?
    /// Why the image was filtered.
    public var raiFilteredReason: String?
    /// The enhanced prompt.
    public var prompt: String?
    /// Safety categories and scores.
    public var safetyAttributes: ImagenSafetyAttributes?
    /// `Positive Prompt` on the prompt's safety entry.
    public var contentType: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenPrediction>] = [
        WireField("bytesBase64Encoded", \.bytesBase64Encoded),
        WireField("mimeType", \.mimeType),
        WireField("gcsUri", \.gcsUri),
        WireField("raiFilteredReason", \.raiFilteredReason),
        WireField("prompt", \.prompt),
        WireField("safetyAttributes", \.safetyAttributes),
        WireField("contentType", \.contentType),
    ]
}

/// Safety categories and their scores.
public struct ImagenSafetyAttributes: WireMessage {
    /// The categories.
    public var categories: [String]?
    /// Their scores.
    public var scores: [Double]?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenSafetyAttributes>] = [
        WireField("categories", \.categories),
        WireField("scores", \.scores),
    ]
}
