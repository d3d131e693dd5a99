/// A reference image of an edit (`instances[].referenceImages[]`).
public struct ImagenReferenceImage: WireMessage {
    /// e.g. `REFERENCE_TYPE_RAW`, `REFERENCE_TYPE_MASK`.
    public var referenceType: String?
    /// The id prompts refer to, e.g. `[1]`.
    public var referenceId: Int?
    /// The image.
    public var referenceImage: ImagenImage?
    /// Mask options, for mask references.
    public var maskImageConfig: ImagenMaskImageConfig?
    /// Control options, for control references.
    public var controlImageConfig: ImagenControlImageConfig?
    /// Style options, carried verbatim (the SDK sends snake_case keys here).
    public var styleImageConfig: JSONValue?
    /// Subject options, carried verbatim (the SDK sends snake_case keys here).
    public var subjectImageConfig: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenReferenceImage>] = [
        WireField("referenceType", \.referenceType),
        WireField("referenceId", \.referenceId),
        WireField("referenceImage", \.referenceImage),
        WireField("maskImageConfig", \.maskImageConfig),
        WireField("controlImageConfig", \.controlImageConfig),
        WireField("styleImageConfig", \.styleImageConfig),
        WireField("subjectImageConfig", \.subjectImageConfig),
    ]
}

/// Mask options of a reference image.
public struct ImagenMaskImageConfig: WireMessage {
    /// e.g. `MASK_MODE_USER_PROVIDED`.
    public var maskMode: String?
    /// Segmentation classes for semantic masks.
    public var maskClasses: [Int]?
    /// Mask dilation.
    public var dilation: Double?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenMaskImageConfig>] = [
        WireField("maskMode", \.maskMode),
        WireField("maskClasses", \.maskClasses),
        WireField("dilation", \.dilation),
    ]
}

/// Control options of a reference image.
public struct ImagenControlImageConfig: WireMessage {
    /// e.g. `CONTROL_TYPE_CANNY`.
    public var controlType: String?
    /// Whether to compute the control image.
    public var computeControl: Bool?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenControlImageConfig>] = [
        WireField("controlType", \.controlType),
        WireField("computeControl", \.computeControl),
    ]
}
