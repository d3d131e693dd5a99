/// A safety threshold for one harm category.
public struct SafetySetting: WireMessage {
    /// The category.
    public var category: HarmCategory?
    /// The threshold.
    public var threshold: HarmBlockThreshold?
    /// `SEVERITY` or `PROBABILITY` (Vertex only).
    public var method: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<SafetySetting>] = [
        WireField("category", \.category),
        WireField("threshold", \.threshold),
        WireField("method", \.method),
    ]
}
