/// A safety rating for one harm category.
public struct SafetyRating: WireMessage {
    /// The category.
    public var category: HarmCategory?
    /// How likely the content is harmful.
    public var probability: HarmProbability?
    /// Whether the content was blocked for this category.
    public var blocked: Bool?
    /// Probability score (Vertex).
    public var probabilityScore: Double?
    /// Severity (Vertex).
    public var severity: HarmSeverity?
    /// Severity score (Vertex).
    public var severityScore: Double?
    /// Threshold that replaced the requested one (Vertex).
    public var overwrittenThreshold: HarmBlockThreshold?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<SafetyRating>] = [
        WireField("category", \.category),
        WireField("probability", \.probability),
        WireField("blocked", \.blocked),
        WireField("probabilityScore", \.probabilityScore),
        WireField("severity", \.severity),
        WireField("severityScore", \.severityScore),
        WireField("overwrittenThreshold", \.overwrittenThreshold),
    ]
}
