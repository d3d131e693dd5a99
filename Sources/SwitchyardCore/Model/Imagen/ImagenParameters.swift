/// Options of an Imagen call (`parameters`).
public struct ImagenParameters: WireMessage {
    /// How many images to generate.
    public var sampleCount: Int?
    /// `1:1`, `3:4`, `4:3`, `9:16` or `16:9`.
    public var aspectRatio: String?
    /// What to avoid.
    public var negativePrompt: String?
    /// Sampling seed.
    public var seed: Int?
    /// How closely to follow the prompt.
    public var guidanceScale: Double?
    /// e.g. `BLOCK_ONLY_HIGH`.
    public var safetySetting: String?
    /// `DONT_ALLOW`, `ALLOW_ADULT` or `ALLOW_ALL`.
    public var personGeneration: String?
    /// Whether to return safety attributes.
    public var includeSafetyAttributes: Bool?
    /// Whether to say why an image was filtered.
    public var includeRaiReason: Bool?
    /// Prompt language.
    public var language: String?
    /// Output encoding.
    public var outputOptions: ImageOutputOptions?
    /// e.g. `1K`, `2K`.
    public var sampleImageSize: String?
    /// Whether to add a SynthID watermark.
    public var addWatermark: Bool?
    /// Whether to rewrite the prompt.
    public var enhancePrompt: Bool?
    /// Cloud Storage prefix to write images to.
    public var storageUri: String?
    /// e.g. `EDIT_MODE_INPAINT_INSERTION` (edit).
    public var editMode: String?
    /// Edit options such as `baseSteps` (edit).
    public var editConfig: JSONValue?
    /// `upscale` (upscale).
    public var mode: String?
    /// Upscale options (upscale).
    public var upscaleConfig: ImagenUpscaleConfig?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenParameters>] = [
        WireField("sampleCount", \.sampleCount),
        WireField("aspectRatio", \.aspectRatio),
        WireField("negativePrompt", \.negativePrompt),
        WireField("seed", \.seed),
        WireField("guidanceScale", \.guidanceScale),
        WireField("safetySetting", \.safetySetting),
        WireField("personGeneration", \.personGeneration),
        WireField("includeSafetyAttributes", \.includeSafetyAttributes),
        WireField("includeRaiReason", \.includeRaiReason),
        WireField("language", \.language),
        WireField("outputOptions", \.outputOptions),
        WireField("sampleImageSize", \.sampleImageSize),
        WireField("addWatermark", \.addWatermark),
        WireField("enhancePrompt", \.enhancePrompt),
        WireField("storageUri", \.storageUri),
        WireField("editMode", \.editMode),
        WireField("editConfig", \.editConfig),
        WireField("mode", \.mode),
        WireField("upscaleConfig", \.upscaleConfig),
    ]
}

/// Upscale options (`parameters.upscaleConfig`).
public struct ImagenUpscaleConfig: WireMessage {
    /// `x2` or `x4`.
    public var upscaleFactor: String?
    /// Whether to enhance the input first.
    public var enhanceInputImage: Bool?
    /// How closely to preserve the input.
    public var imagePreservationFactor: Double?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenUpscaleConfig>] = [
        WireField("upscaleFactor", \.upscaleFactor),
        WireField("enhanceInputImage", \.enhanceInputImage),
        WireField("imagePreservationFactor", \.imagePreservationFactor),
    ]
}
