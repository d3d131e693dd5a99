/// Sources an answer quotes: `citationSources` on AI Studio, `citations` on Vertex.
public struct CitationMetadata: WireMessage {
    /// AI Studio's spelling.
    public var citationSources: [Citation]?
    /// Vertex's spelling.
    public var citations: [Citation]?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<CitationMetadata>] = [
        WireField("citationSources", \.citationSources),
        WireField("citations", \.citations),
    ]
}

/// One quoted source.
public struct Citation: WireMessage {
    /// Start of the quoted span in the answer.
    public var startIndex: Int?
    /// End of the quoted span.
    public var endIndex: Int?
    /// The source's URI.
    public var uri: String?
    /// The source's title.
    public var title: String?
    /// The source's licence.
    public var license: String?
    /// Publication date as `{year, month, day}`.
    public var publicationDate: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<Citation>] = [
        WireField("startIndex", \.startIndex),
        WireField("endIndex", \.endIndex),
        WireField("uri", \.uri),
        WireField("title", \.title),
        WireField("license", \.license),
        WireField("publicationDate", \.publicationDate),
    ]
}
