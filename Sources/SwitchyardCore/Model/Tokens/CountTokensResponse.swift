/// The answer of `countTokens`.
public struct CountTokensResponse: WireMessage {
    /// Tokens in the input.
    public var totalTokens: Int?
    /// Tokens in cached content.
    public var cachedContentTokenCount: Int?
    /// Billable characters (Vertex).
    public var totalBillableCharacters: Int?
    /// Tokens per modality.
    public var promptTokensDetails: [ModalityTokenCount]?
    /// Cached tokens per modality.
    public var cacheTokensDetails: [ModalityTokenCount]?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<CountTokensResponse>] = [
        WireField("totalTokens", \.totalTokens),
        WireField("cachedContentTokenCount", \.cachedContentTokenCount),
        WireField("totalBillableCharacters", \.totalBillableCharacters),
        WireField("promptTokensDetails", \.promptTokensDetails),
        WireField("cacheTokensDetails", \.cacheTokensDetails),
    ]
}
