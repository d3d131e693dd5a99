/// The body of an Imagen `:predict` call: generate, edit or upscale (Vertex).
public struct ImagenPredictRequest: WireMessage {
    /// The prompts or images; one per call in practice.
    public var instances: [ImagenInstance]?
    /// Generation options.
    public var parameters: ImagenParameters?
    /// Caller labels, carried verbatim.
    public var labels: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ImagenPredictRequest>] = [
        WireField("instances", \.instances),
        WireField("parameters", \.parameters),
        WireField("labels", \.labels),
    ]
}
