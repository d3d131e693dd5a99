/// One Imagen input: a prompt, reference images for editing, or an image to upscale.
public struct ImagenInstance: WireMessage {
    /// The text prompt.
    public var prompt: String?
    /// The image to upscale.
    public var image: ImagenImage?
    /// Images an edit refers to.
    public var referenceImages: [ImagenReferenceImage]?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenInstance>] = [
        WireField("prompt", \.prompt),
        WireField("image", \.image),
        WireField("referenceImages", \.referenceImages),
    ]
}
