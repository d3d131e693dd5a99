/// One reason a model does not fit a request, with a stable code and a human message such as
/// `needs image output; model outputs TEXT only`.
public struct CapabilityMismatch: Sendable, Hashable, CustomStringConvertible {
    /// Which need is not met.
    public var code: Code
    /// A one-line explanation.
    public var message: String

    /// Creates a mismatch.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The explanation.
    public var description: String { message }

    /// A stable, open mismatch code. Feature mismatches use the feature's name (``ModelFeature/rawValue``).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String

        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The code for a missing feature.
        public init(_ feature: ModelFeature) { self.rawValue = feature.rawValue }

        /// A required output modality is not produced.
        public static let outputModality = Code(rawValue: "outputModality")
        /// An input modality is not accepted.
        public static let inputModality = Code(rawValue: "inputModality")
        /// The prompt is larger than the context window.
        public static let contextWindow = Code(rawValue: "contextWindow")
        /// More output tokens are asked for than the model allows.
        public static let maxOutputTokens = Code(rawValue: "maxOutputTokens")
        /// More candidates or images are asked for than the model returns per call.
        public static let candidateCount = Code(rawValue: "candidateCount")
        /// A seed is set but the image model takes none.
        public static let seed = Code(rawValue: "seed")
        /// The aspect ratio is not supported.
        public static let aspectRatio = Code(rawValue: "aspectRatio")
        /// Tools are used.
        public static let tools = Code(.tools)
        /// Tool choice is used.
        public static let toolChoice = Code(.toolChoice)
        /// Temperature is set.
        public static let temperature = Code(.temperature)
        /// Top-p is set.
        public static let topP = Code(.topP)
        /// Top-k is set.
        public static let topK = Code(.topK)
        /// A maximum output token count is set.
        public static let maxTokens = Code(.maxTokens)
        /// Stop sequences are set.
        public static let stopSequences = Code(.stopSequences)
        /// Structured output is asked for.
        public static let structuredOutputs = Code(.structuredOutputs)
        /// Streaming is asked for.
        public static let streaming = Code(.streaming)
        /// The conversation has several turns.
        public static let multiTurn = Code(.multiTurn)

        /// The code's name.
        public var description: String { rawValue }
    }
}
