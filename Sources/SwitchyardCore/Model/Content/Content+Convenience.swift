extension Content {
    /// Creates a content from a role and parts.
    public init(role: Role?, parts: [Part]) {
        self.init()
        self.role = role
        self.parts = parts
    }
}

extension Part {
    /// Creates a text part.
    public init(text: String) {
        self.init()
        self.text = text
    }

    /// Creates an inline media part.
    public init(mimeType: String, data: Base64Payload) {
        self.init()
        var blob = Blob()
        blob.mimeType = mimeType
        blob.data = data
        self.inlineData = blob
    }
}

extension CitationMetadata {
    /// Every citation, whichever backend's spelling (`citationSources` or `citations`) carried it.
    public var allCitations: [Citation] {
        (citationSources ?? []) + (citations ?? [])
    }
}
