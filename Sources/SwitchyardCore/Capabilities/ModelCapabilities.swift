/// What a model can do, as public model catalogs describe it; one per catalog entry.
public struct ModelCapabilities: Sendable, Hashable {
    /// How the model is called.
    public var apiMethod: APIMethod
    /// The kinds of content the model reads.
    public var inputModalities: [Modality]
    /// The kinds of content the model writes.
    public var outputModalities: [Modality]
    /// The optional features the model supports.
    public var features: Set<ModelFeature>
    /// The most prompt tokens, when known.
    public var contextWindow: Int?
    /// The most output tokens, when known.
    public var maxOutputTokens: Int?
    /// The most candidates per call, when limited (Gemini `candidateCount`).
    public var maxCandidates: Int?
    /// Limits of image generation, for models that make images.
    public var images: ImageGenerationLimits?

    /// Creates a capability record.
    public init(
        apiMethod: APIMethod = .generateContent,
        inputModalities: [Modality] = [.text],
        outputModalities: [Modality] = [.text],
        features: Set<ModelFeature> = [],
        contextWindow: Int? = nil,
        maxOutputTokens: Int? = nil,
        maxCandidates: Int? = nil,
        images: ImageGenerationLimits? = nil
    ) {
        self.apiMethod = apiMethod
        self.inputModalities = inputModalities
        self.outputModalities = outputModalities
        self.features = features
        self.contextWindow = contextWindow
        self.maxOutputTokens = maxOutputTokens
        self.maxCandidates = maxCandidates
        self.images = images
    }

    /// Whether the model supports a feature.
    public func supports(_ feature: ModelFeature) -> Bool {
        features.contains(feature)
    }
}

/// Limits of an image-generating model.
public struct ImageGenerationLimits: Sendable, Hashable {
    /// How many images one call may ask for.
    public var imagesPerCall: ClosedRange<Int>
    /// Supported aspect ratios, e.g. `1:1`, `16:9`; empty when any is accepted.
    public var aspectRatios: [String]
    /// Whether a negative prompt is supported.
    public var negativePrompt: Bool
    /// Whether a seed is supported.
    public var seed: Bool

    /// Creates image limits.
    public init(imagesPerCall: ClosedRange<Int> = 1...1, aspectRatios: [String] = [], negativePrompt: Bool = false, seed: Bool = false) {
        self.imagesPerCall = imagesPerCall
        self.aspectRatios = aspectRatios
        self.negativePrompt = negativePrompt
        self.seed = seed
    }
}
