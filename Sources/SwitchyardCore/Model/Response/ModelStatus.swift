/// A model's lifecycle stage (AI Studio `modelStatus`).
public struct ModelStatus: WireMessage {
    /// e.g. `STABLE`, `PREVIEW`.
    public var modelStage: String?
    /// When the model retires.
    public var retirementTime: String?
    /// A note about the stage.
    public var message: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<ModelStatus>] = [
        WireField("modelStage", \.modelStage),
        WireField("retirementTime", \.retirementTime),
        WireField("message", \.message),
    ]
}
