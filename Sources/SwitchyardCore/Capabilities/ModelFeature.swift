/// An optional feature of a model, as public model catalogs list them. Catalog files spell them in snake_case
/// (`tool_choice`); the raw value is lowerCamel (`toolChoice`).
public struct ModelFeature: WireEnum {
    /// The feature's lowerCamel name.
    public let rawValue: String

    /// Creates a feature from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Function declarations (`tools[].functionDeclarations`) and built-in tools.
    public static let tools: Self = "tools"
    /// Forcing or forbidding calls (`toolConfig.functionCallingConfig` mode `ANY`/`NONE`, allowed names).
    public static let toolChoice: Self = "toolChoice"
    /// `generationConfig.temperature`.
    public static let temperature: Self = "temperature"
    /// `generationConfig.topP`.
    public static let topP: Self = "topP"
    /// `generationConfig.topK`.
    public static let topK: Self = "topK"
    /// `generationConfig.maxOutputTokens`.
    public static let maxTokens: Self = "maxTokens"
    /// `generationConfig.stopSequences`.
    public static let stopSequences: Self = "stopSequences"
    /// JSON output with a schema (`responseMimeType: application/json`, `responseSchema`, `responseJsonSchema`).
    public static let structuredOutputs: Self = "structuredOutputs"
    /// `streamGenerateContent`.
    public static let streaming: Self = "streaming"
    /// More than one content, or earlier model turns.
    public static let multiTurn: Self = "multiTurn"

    /// Every feature Switchyard checks, in a stable order.
    public static let all: [ModelFeature] = [
        .tools, .toolChoice, .temperature, .topP, .topK, .maxTokens, .stopSequences, .structuredOutputs, .streaming, .multiTurn,
    ]
}
