/// Sources used to ground an answer; nested records are carried verbatim.
public struct GroundingMetadata: WireMessage {
    /// Queries sent to Google Search.
    public var webSearchQueries: [String]?
    /// Image search queries.
    public var imageSearchQueries: [String]?
    /// Queries sent to retrieval tools.
    public var retrievalQueries: [String]?
    /// Search suggestion widget.
    public var searchEntryPoint: JSONValue?
    /// Grounding sources.
    public var groundingChunks: JSONValue?
    /// Which answer spans each source supports.
    public var groundingSupports: JSONValue?
    /// Retrieval metadata.
    public var retrievalMetadata: JSONValue?
    /// Maps widget token.
    public var googleMapsWidgetContextToken: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<GroundingMetadata>] = [
        WireField("webSearchQueries", \.webSearchQueries),
        WireField("imageSearchQueries", \.imageSearchQueries),
        WireField("retrievalQueries", \.retrievalQueries),
        WireField("searchEntryPoint", \.searchEntryPoint),
        WireField("groundingChunks", \.groundingChunks),
        WireField("groundingSupports", \.groundingSupports),
        WireField("retrievalMetadata", \.retrievalMetadata),
        WireField("googleMapsWidgetContextToken", \.googleMapsWidgetContextToken),
    ]
}
